using ContestSite.Web.Accounts.UseCases;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

public sealed class ConfirmEmailModel(ConfirmEmail confirm) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return;
        if (await confirm.ConfirmAsync(userId, code) is not { } confirmed) return;
        Confirmed = confirmed;
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
