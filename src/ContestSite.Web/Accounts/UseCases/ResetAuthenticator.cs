using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>
/// An organizer removes another account's authenticator (a lost phone): its key, recovery codes and remembered devices
/// stop working, every session of the account ends, and the owner is mailed in their language. An organizer or judge
/// enrols again at the next sign-in.
/// </summary>
public sealed class ResetAuthenticator(UserManager<SiteUser> users, UserSessions sessions, ContestDbContext db, IAuditLog audit, AccountEmails emails)
{
    /// <summary>Null when there is no such account.</summary>
    public async Task<RuleResult?> ResetAsync(string userId, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        // Otherwise one stolen organizer session could take the second factor off the account it is in.
        if (user.Id == actingUserId) return RuleResult.Refuse("不能重置自己的身份验证器，请联系另一位组织者。");
        if (!user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is null) return RuleResult.Refuse("该账号没有设置身份验证器。");
        // The reset, the ended sessions, the mail and the audit entry are one transaction: all or nothing.
        await db.InTransactionAsync(async () =>
        {
            await users.RemoveAuthenticator(user);
            var ended = await sessions.RevokeAllAsync(user.Id);
            emails.AuthenticatorReset(user);
            await audit.AppendAsync(new AuditEvent("account.two-factor.reset", $"user:{user.Id}", "ok", $"sessions ended: {ended}"));
        });
        return RuleResult.Ok;
    }
}
