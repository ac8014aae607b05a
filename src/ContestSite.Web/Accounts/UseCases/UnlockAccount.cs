using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Ends an account's lockout after wrong passwords, before its time runs out.</summary>
public sealed class UnlockAccount(ContestDbContext db, UserManager<SiteUser> users, IAuditLog audit)
{
    /// <summary>False when there is no such account.</summary>
    public async Task<bool> UnlockAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return false;
        await db.InTransactionAsync(async () =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.AppendAsync(new AuditEvent("account.unlocked", $"user:{user.Id}", "ok"));
        });
        return true;
    }
}
