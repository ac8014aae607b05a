using ContestSite.Data;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Ten new recovery codes in place of the old ones (all of which stop working); asks for a current code first.</summary>
public sealed class RegenerateRecoveryCodes(ContestDbContext db, UserManager<SiteUser> users, IAuditLog audit)
{
    public async Task<AuthenticatorOutcome> RegenerateAsync(SiteUser user, string code)
    {
        if (!user.TwoFactorEnabled) return AuthenticatorOutcome.Refuse("请先启用两步验证。");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.AppendAsync(new AuditEvent("account.two-factor.recovery-codes", $"user:{user.Id}", "wrong-code"));
            return AuthenticatorOutcome.Refuse(EnableAuthenticator.WrongCode);
        }
        var codes = await db.InTransactionAsync(async () =>
        {
            var fresh = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticator.RecoveryCodeCount))?.ToList() ?? [];
            await audit.AppendAsync(new AuditEvent("account.two-factor.recovery-codes", $"user:{user.Id}", "ok"));
            return fresh;
        });
        return new(RuleResult.Ok, codes);
    }
}
