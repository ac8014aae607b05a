using System.Security.Claims;
using ContestSite.Web.Accounts.UseCases;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

public sealed class ConfirmEmailChangeModel(ConfirmEmailChange confirm) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(code)) return;
        if (await confirm.ConfirmAsync(userId, email, code, refreshSignIn: User.FindFirstValue(ClaimTypes.NameIdentifier) == userId) is not { } changed) return;
        Changed = changed;
        if (!Changed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
