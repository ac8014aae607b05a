using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.TwoFactor;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>
/// A contestant turns the authenticator off (with a current code); the key and recovery codes are deleted. Staff (organizers,
/// judges, any role with staff rights) cannot while their role requires it.
/// </summary>
public sealed class DisableAuthenticator(UserManager<SiteUser> users, SignInManager<SiteUser> signIn, ContestDbContext db, SecondFactorPolicy policy, IAuditLog audit, AccountEmails emails)
{
    public const string RequiredByRole = "您的角色（组织者、评委或其他管理角色）要求使用两步验证，不能关闭。";

    public async Task<RuleResult> DisableAsync(SiteUser user, string code)
    {
        if (!user.TwoFactorEnabled) return RuleResult.Refuse("两步验证没有启用。");
        if (await policy.IsRequiredAsync(user.Id))
        {
            await audit.AppendAsync(new AuditEvent("account.two-factor.disabled", $"user:{user.Id}", "required-by-role"));
            return RuleResult.Refuse(RequiredByRole);
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.AppendAsync(new AuditEvent("account.two-factor.disabled", $"user:{user.Id}", "wrong-code"));
            return RuleResult.Refuse(EnableAuthenticator.WrongCode);
        }
        await db.InTransactionAsync(async () =>
        {
            await users.RemoveAuthenticator(user);
            emails.AuthenticatorDisabled(user);
            await audit.AppendAsync(new AuditEvent("account.two-factor.disabled", $"user:{user.Id}", "ok"));
        });
        await signIn.RefreshSignInAsync(user);
        return RuleResult.Ok;
    }
}

public static class AuthenticatorRemoval
{
    /// <summary>Off, key and recovery codes deleted, security stamp renewed (which also forgets every remembered device).</summary>
    public static async Task RemoveAuthenticator(this UserManager<SiteUser> users, SiteUser user)
    {
        await users.RemoveAuthenticationTokenAsync(user, ProtectedUserStore.IdentityStore, ProtectedUserStore.AuthenticatorKeyName);
        await users.RemoveAuthenticationTokenAsync(user, ProtectedUserStore.IdentityStore, ProtectedUserStore.RecoveryCodesName);
        await users.SetTwoFactorEnabledAsync(user, false);
    }
}
