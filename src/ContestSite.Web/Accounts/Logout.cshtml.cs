using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

/// <summary>Sign-out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<SiteUser> signIn, IAuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.AppendAsync(new AuditEvent("account.signout", null, "ok"));
            await signIn.SignOutAsync();
        }
        return LocalRedirect("/");
    }
}
