using System.Globalization;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Accounts.Invitations;
using ContestSite.Web.Accounts.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Accounts.Admin;

/// <summary>
/// Staff invitations: invite by address or CSV, and the list with resend and revoke. Open to those who manage users
/// (every role) and to those who manage judging (judges only, also from /admin/judging, whose forms post here).
/// </summary>
[Authorize]
public sealed class InvitationsModel(ContestDbContext db, IAuthorizationService authorization, UserManager<Data.Accounts.SiteUser> users, IStringLocalizerFactory localizers) : PageModel
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(InvitationsModel));

    [BindProperty] public InviteForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [FromQuery(Name = "role")] public string? RoleFilter { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync() =>
        await authorization.LimitedToAsync(User) is { Count: 0 } ? Forbid() : Page();

    public async Task<IActionResult> OnPostInviteAsync(IFormFile? file, [FromServices] InviteStaff invite, CancellationToken cancellationToken)
    {
        if (!await authorization.MayManageAsync(User, Form.Role)) return Forbid();
        var (invitees, problems) = file is { Length: > 0 }
            ? await InviteeList.FromCsvAsync(file.OpenReadStream(), cancellationToken)
            : InviteeList.FromText(Form.Addresses);
        if (problems.Count > 0) return Refuse(problems);
        var outcome = await invite.RunAsync(Form.Role, invitees, users.GetUserId(User)!, CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (outcome.Refusals.Count > 0) return Refuse(outcome.Refusals);
        TempData["Notice"] = _t["已发出 {0} 份邀请。", outcome.Invited].Value;
        return Back();
    }

    public async Task<IActionResult> OnPostResendAsync(int id, [FromServices] ResendInvitation resend, CancellationToken cancellationToken)
    {
        if (await RoleOfAsync(id) is not { } role) return NotFound();
        if (!await authorization.MayManageAsync(User, role)) return Forbid();
        var result = await resend.RunAsync(id, users.GetUserId(User)!, CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (result is null) return NotFound();
        if (!result.Allowed) return Refuse([result]);
        TempData["Notice"] = _t["邀请已重新发送，之前的链接已失效。"].Value;
        return Back();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, [FromServices] RevokeInvitation revoke, CancellationToken cancellationToken)
    {
        if (await RoleOfAsync(id) is not { } role) return NotFound();
        if (!await authorization.MayManageAsync(User, role)) return Forbid();
        var result = await revoke.RunAsync(id, cancellationToken);
        if (result is null) return NotFound();
        if (!result.Allowed) return Refuse([result]);
        TempData["Notice"] = _t["邀请已撤销，链接已失效。"].Value;
        return Back();
    }

    private Task<string?> RoleOfAsync(int id) => db.Invitations.Where(i => i.Id == id).Select(i => i.Role).SingleOrDefaultAsync();

    private PageResult Refuse(IReadOnlyList<RuleResult> refusals)
    {
        foreach (var refusal in refusals) ModelState.AddModelError(string.Empty, _t.Localize(refusal));
        if (Form.Role == BuiltInRoles.Judge && ReturnUrl == "/admin/judging") RoleFilter = BuiltInRoles.Judge;
        return Page();
    }

    private LocalRedirectResult Back() => LocalRedirect(SafeReturnUrl.IsLocal(ReturnUrl) ? ReturnUrl! : "/admin/invitations");
}

public sealed class InviteForm
{
    public string Role { get; set; } = BuiltInRoles.Judge;
    public string? Addresses { get; set; }
}
