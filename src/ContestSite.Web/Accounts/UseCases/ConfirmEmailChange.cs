using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Moves an account to a new address once its owner follows the link mailed there.</summary>
public sealed class ConfirmEmailChange(ContestDbContext db, UserManager<SiteUser> users, SignInManager<SiteUser> signIn, IAuditLog audit)
{
    /// <summary>Null when the link names no account; false when its code is wrong or used.</summary>
    public async Task<bool?> ConfirmAsync(string userId, string email, string code, bool refreshSignIn)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        var changed = await db.InTransactionAsync(async () =>
        {
            var done = (await users.ChangeEmailAsync(user, email, code)).Succeeded;
            // The user name is the email address; keep them the same.
            if (done) await users.SetUserNameAsync(user, email);
            await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", done ? "confirmed" : "invalid-token", email) { ActorId = user.Id, ActorName = user.Email });
            return done;
        });
        if (changed && refreshSignIn) await signIn.RefreshSignInAsync(user);
        return changed;
    }
}
