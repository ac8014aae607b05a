using System.Security.Claims;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// The confirmation step of an emergency stop (no script needed): what will stop and how many approvals and teams it
/// suspends, what happened and why, and a box to tick before the stop starts.
/// </summary>
[RequirePermission(BundlePermissions.ManageIncidents)]
public sealed class StartModel(ContestDbContext db, TimeProvider clock, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty(SupportsGet = true)] public Guid? DatasetId { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public string? DatasetTitle { get; private set; }
    public int LiveApprovals { get; private set; }
    public int Teams { get; private set; }
    public int Datasets { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromServices] StartIncident start)
    {
        if (!await LoadAsync()) return NotFound();
        var name = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        var outcome = await start.RunAsync(DatasetId, What, Reason, Confirmed, User.FindFirstValue(ClaimTypes.NameIdentifier)!, name);
        if (outcome.IncidentId is { } id)
        {
            Announce("应急处置已启动：数据已停止提供，{0} 项使用许可已暂停。", LiveApprovals);
            return Redirect($"/admin/incidents/{id}");
        }
        ShowRefusal(outcome.Result);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (DatasetId is { } id)
        {
            DatasetTitle = await db.Datasets.Where(d => d.Id == id).Select(d => d.Title).FirstOrDefaultAsync();
            if (DatasetTitle is null) return false;
            Datasets = 1;
        }
        else Datasets = await db.Datasets.CountAsync(d => d.OpenType == OpenType.Restricted);
        var now = clock.GetUtcNow();
        var live = DataStopLocks.Covered(db, DatasetId).Where(a => a.Status == ApplicationStatus.Approved && a.ExpiresAt > now);
        LiveApprovals = await live.CountAsync();
        Teams = await live.Select(a => a.TeamId).Distinct().CountAsync();
        return true;
    }
}
