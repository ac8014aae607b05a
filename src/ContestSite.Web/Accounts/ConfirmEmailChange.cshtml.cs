using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

public sealed class ConfirmEmailChangeModel(UserManager<SiteUser> users, SignInManager<SiteUser> signIn, IAuditLog audit) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code)) return;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return;
        var result = await users.ChangeEmailAsync(user, email, code);
        if (result.Succeeded)
        {
            // The user name is the email address; keep them the same.
            await users.SetUserNameAsync(user, email);
            Changed = true;
            if (signIn.IsSignedIn(User)) await signIn.RefreshSignInAsync(user);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await audit.AppendAsync(new AuditEvent("account.email-change", $"user:{user.Id}", Changed ? "confirmed" : "invalid-token", email) { ActorId = user.Id, ActorName = user.Email });
    }
}
