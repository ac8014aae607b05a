using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Changes the password of the signed-in account; the other sessions end, this one stays.</summary>
public sealed class ChangePassword(ContestDbContext db, UserManager<SiteUser> users, SignInManager<SiteUser> signIn, UserSessions sessions, IAuditLog audit)
{
    /// <summary>Identity's reasons in the visitor's language; empty when the password was changed.</summary>
    public async Task<IReadOnlyList<string>> ChangeAsync(SiteUser user, string currentPassword, string newPassword)
    {
        var result = await db.InTransactionAsync(async () =>
        {
            var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
            // Whoever signed in with the old password elsewhere is signed out; this browser keeps its session.
            if (changed.Succeeded) await sessions.RevokeAllAsync(user.Id, except: sessions.CurrentId);
            await audit.AppendAsync(new AuditEvent("account.password-change", $"user:{user.Id}", changed.Succeeded ? "ok" : "rejected"));
            return changed;
        });
        if (!result.Succeeded) return result.Errors.Select(e => e.Description).ToList();
        await signIn.RefreshSignInAsync(user);
        return [];
    }
}
