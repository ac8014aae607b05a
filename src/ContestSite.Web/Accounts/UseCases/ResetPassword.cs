using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Sets a new password from a mailed link, ends the lockout and every session.</summary>
public sealed class ResetPassword(ContestDbContext db, UserManager<SiteUser> users, UserSessions sessions, IAuditLog audit)
{
    /// <summary>Identity's reasons in the visitor's language; empty when the password was changed. Null when the link names no account.</summary>
    public async Task<IReadOnlyList<string>?> ResetAsync(string userId, string code, string password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        // The reset changes the security stamp, so the same link cannot be used twice.
        return await db.InTransactionAsync<IReadOnlyList<string>>(async () =>
        {
            var result = await users.ResetPasswordAsync(user, code, password);
            if (result.Succeeded)
            {
                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                // Whoever knew the old password may be signed in somewhere: every session ends.
                await sessions.RevokeAllAsync(user.Id);
            }
            await audit.AppendAsync(new AuditEvent("account.password-reset", $"user:{user.Id}", result.Succeeded ? "ok" : "rejected") { ActorId = user.Id, ActorName = user.Email });
            return result.Succeeded ? [] : result.Errors.Select(e => e.Description).ToList();
        });
    }
}
