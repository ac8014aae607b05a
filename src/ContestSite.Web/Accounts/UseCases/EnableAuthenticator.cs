using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>What a change of the authenticator came to; <see cref="RecoveryCodes"/> are shown once and never again.</summary>
public sealed record AuthenticatorOutcome(RuleResult Result, IReadOnlyList<string> RecoveryCodes)
{
    public static AuthenticatorOutcome Refuse(string message) => new(RuleResult.Refuse(message), []);
}

/// <summary>
/// Turns the authenticator on once a code from the app proves the key was taken; gives ten single-use recovery codes.
/// The account's other sessions (signed in with the password alone) end, and the owner is mailed.
/// </summary>
public sealed class EnableAuthenticator(UserManager<SiteUser> users, SignInManager<SiteUser> signIn, UserSessions sessions, ContestDbContext db, IAuditLog audit, AccountEmails emails)
{
    public const int RecoveryCodeCount = 10;
    public const string WrongCode = "验证码不正确，请输入身份验证器应用中当前显示的 6 位数字。";

    public async Task<AuthenticatorOutcome> EnableAsync(SiteUser user, string code)
    {
        if (user.TwoFactorEnabled) return AuthenticatorOutcome.Refuse("两步验证已经启用。");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.AppendAsync(new AuditEvent("account.two-factor.enabled", $"user:{user.Id}", "wrong-code"));
            return AuthenticatorOutcome.Refuse(WrongCode);
        }
        var codes = await db.InTransactionAsync(async () =>
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            var fresh = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
            await sessions.RevokeAllAsync(user.Id, except: sessions.CurrentId);
            emails.AuthenticatorEnabled(user);
            await audit.AppendAsync(new AuditEvent("account.two-factor.enabled", $"user:{user.Id}", "ok"));
            return fresh;
        });
        // The new security stamp would sign this browser out too at its next check; its cookie is issued again.
        await signIn.RefreshSignInAsync(user);
        return new(RuleResult.Ok, codes);
    }
}
