using ContestSite.Web.Accounts.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Sign-out is a POST (with the antiforgery token), so a link on another site cannot sign anyone out. It revokes the
/// server-side session, so a copy of the cookie stops working too, on every node.
/// </summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromServices] SignOut signOut)
    {
        if (User.Identity?.IsAuthenticated == true) await signOut.SignOutAsync();
        return LocalRedirect("/");
    }
}
