using ContestSite.Data;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Disables an account (signing it out everywhere) or enables it again; nobody disables their own.</summary>
public sealed class SwitchAccountDisabled(ContestDbContext db, UserManager<SiteUser> users, UserSessions sessions, IAuditLog audit)
{
    /// <summary>Null when there is no such account.</summary>
    public async Task<RuleResult?> SwitchAsync(string userId, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        if (user.Id == actingUserId) return RuleResult.Refuse("不能停用自己的账号。");
        await db.InTransactionAsync(async () =>
        {
            user.IsDisabled = !user.IsDisabled;
            await users.UpdateAsync(user);
            // Revoked sessions sign a disabled user out everywhere at the next request; the new stamp voids mailed links.
            await users.UpdateSecurityStampAsync(user);
            if (user.IsDisabled) await sessions.RevokeAllAsync(user.Id);
            await audit.AppendAsync(new AuditEvent(user.IsDisabled ? "account.disabled" : "account.enabled", $"user:{user.Id}", "ok"));
        });
        return RuleResult.Ok;
    }
}
