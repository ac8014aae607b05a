using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts.Admin;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>
/// The invite form and the list of invitations with resend and revoke, for the roles the viewer may invite to. Offered
/// to the judging admin (<c>/admin/judging</c> shows it for judges); its forms post to <c>/admin/invitations</c>, which
/// checks the permission again and returns to <paramref name="returnUrl"/>.
/// </summary>
[ExtensionPoint]
public sealed class StaffInvitationsViewComponent(ContestDbContext db, IAuthorizationService authorization, RoleManager<SiteRole> roles, TimeProvider clock) : ViewComponent
{
    public const int PageSize = 50;

    public sealed record Row(int Id, string Email, string? Name, string Role, InvitationStatus Status, string InvitedBy, DateTimeOffset CreatedAt,
        DateTimeOffset ExpiresAt, DateTimeOffset LastSentAt, int ResentCount, string? AcceptedBy);

    public sealed record Model(IReadOnlyList<string> Roles, string? FixedRole, string ReturnUrl, InviteForm Form, IReadOnlyList<Row> Rows, int Total, int PageNumber, int Pending);

    public async Task<IViewComponentResult> InvokeAsync(string? role, string returnUrl, InviteForm? form = null, int page = 1)
    {
        var limited = await authorization.LimitedToAsync(UserClaimsPrincipal);
        var allowed = limited ?? await roles.Roles.Where(r => r.Name != BuiltInRoles.Anonymous).OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
        var shown = role is not null && allowed.Contains(role) ? [role] : allowed;
        var now = clock.GetUtcNow();
        page = Math.Max(1, page);

        var invitations = db.Invitations.AsNoTracking().Where(i => shown.Contains(i.Role));
        var total = await invitations.CountAsync();
        var pending = await invitations.CountAsync(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now);
        var rows = await invitations.OrderByDescending(i => i.LastSentAt).ThenByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new
            {
                Invitation = i,
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                AcceptedBy = db.Users.Where(u => u.Id == i.AcceptedUserId).Select(u => u.Email).FirstOrDefault(),
            }).ToListAsync();
        var model = new Model(allowed, shown.Count == 1 ? shown[0] : null, returnUrl, form ?? new InviteForm { Role = shown.FirstOrDefault() ?? "" },
            rows.Select(r => new Row(r.Invitation.Id, r.Invitation.Email, r.Invitation.Name, r.Invitation.Role, r.Invitation.StatusAt(now), r.InvitedBy ?? "",
                r.Invitation.CreatedAt, r.Invitation.ExpiresAt, r.Invitation.LastSentAt, r.Invitation.ResentCount, r.AcceptedBy)).ToList(),
            total, page, pending);
        return View("/Accounts/Invitations/_StaffInvitations.cshtml", model);
    }
}
