using ContestSite.Data.Accounts;
using ContestSite.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Accounts;

public sealed class ConfirmEmailModel(UserManager<SiteUser> users, IAuditLog audit) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return;
        var result = await users.ConfirmEmailAsync(user, code);
        Confirmed = result.Succeeded;
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
        await audit.AppendAsync(new AuditEvent("account.email-confirmed", $"user:{user.Id}", Confirmed ? "ok" : "invalid-token") { ActorId = user.Id, ActorName = user.Email });
    }
}
