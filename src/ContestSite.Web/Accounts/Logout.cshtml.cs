using ContestSite.Web.Accounts.Sessions;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Sign-out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out. It revokes the
/// server-side session, so a copy of the cookie stops working too, on every node.
/// </summary>
public sealed class LogoutModel(UserSessions sessions, IAuditLog audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.AppendAsync(new AuditEvent("account.signout", null, "ok"));
            await sessions.SignOutAsync();
        }
        return LocalRedirect("/");
    }
}
