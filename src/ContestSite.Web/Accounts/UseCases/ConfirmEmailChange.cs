using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Accounts.UseCases;

/// <summary>Moves an account to a new address once its owner follows the link mailed there.</summary>
public sealed class ConfirmEmailChange(UserManager<SiteUser> users, SignInManager<SiteUser> signIn, IAuditLog audit)
{
    /// <summary>Null when the link names no account; false when its code is wrong or used.</summary>
    public async Task<bool?> ConfirmAsync(string userId, string email, string code, bool refreshSignIn)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return null;
        var changed = (await users.ChangeEmailAsync(user, email, code)).Succeeded;
        if (changed)
        {
            // The user name is the email address; keep them the same.
            await users.SetUserNameAsync(user, email);
            if (refreshSignIn) await signIn.RefreshSignInAsync(user);
        }
        await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", changed ? "confirmed" : "invalid-token", email) { ActorId = user.Id, ActorName = user.Email });
        return changed;
    }
}
