using System.Security.Claims;
using ContestSite.Core.Bundles;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>One incident: what, why, who, when; lifting it with a reason; then each approval it suspended, restored or revoked.</summary>
[RequirePermission(BundlePermissions.ManageIncidents)]
public sealed class IncidentModel(ContestDbContext db, TimeProvider clock, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public IncidentRow Row { get; private set; } = null!;
    public IReadOnlyList<ApplicationRow> Suspended { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();
    private string OrganizerId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostLiftAsync(int id, string? reason, [FromServices] LiftIncident lift) =>
        ActAsync(id, () => lift.RunAsync(id, reason, OrganizerId), "应急处置已解除，数据恢复提供。请逐一恢复或撤销被暂停的许可。");

    public Task<IActionResult> OnPostRestoreAsync(int id, int applicationId, [FromServices] ResolveSuspension resolve) =>
        ActAsync(id, () => BelongsAsync(id, applicationId, () => resolve.RestoreAsync(applicationId)), "许可已恢复，团队已收到邮件。");

    public Task<IActionResult> OnPostRevokeAsync(int id, int applicationId, string? reason, [FromServices] DecideApplication decide) =>
        ActAsync(id, () => BelongsAsync(id, applicationId, () => decide.RevokeAsync(applicationId, OrganizerId, reason)), "许可已撤销。");

    /// <summary>Only an approval this incident suspended is resolved from its page.</summary>
    private async Task<RuleResult> BelongsAsync(int id, int applicationId, Func<Task<RuleResult>> action) =>
        await db.AccessApplications.AnyAsync(a => a.Id == applicationId && a.SuspendedByIncidentId == id && a.Status == ApplicationStatus.Suspended)
            ? await action()
            : RuleResult.Refuse("该许可不是被这项应急处置暂停的，或已经处理过了");

    private async Task<IActionResult> ActAsync(int id, Func<Task<RuleResult>> action, string done)
    {
        if (!await LoadAsync(id)) return NotFound();
        var result = await action();
        if (result.Allowed)
        {
            Announce(done);
            return Redirect($"/admin/incidents/{id}");
        }
        ShowRefusal(result);
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var row = await db.IncidentRows(db.DataIncidents.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync();
        if (row is null) return false;
        Row = row;
        Suspended = await db.Rows(db.AccessApplications.AsNoTracking().Where(a => a.SuspendedByIncidentId == id))
            .OrderBy(r => r.TeamName).ThenBy(r => r.Application.Id).Take(500).ToListAsync();
        return true;
    }
}
