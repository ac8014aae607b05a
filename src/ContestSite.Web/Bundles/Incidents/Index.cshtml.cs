using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>应急处置: the stops in force, the past ones, and where to stop all restricted data.</summary>
[RequirePermission(BundlePermissions.ManageIncidents)]
public sealed class IncidentsModel(ContestDbContext db, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public const int PastShown = 100;

    public IReadOnlyList<IncidentRow> Open { get; private set; } = [];
    public IReadOnlyList<IncidentRow> Past { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var incidents = db.DataIncidents.AsNoTracking();
        Open = await db.IncidentRows(incidents.Where(i => i.LiftedAt == null)).OrderByDescending(r => r.Incident.StartedAt).ToListAsync();
        Past = await db.IncidentRows(incidents.Where(i => i.LiftedAt != null)).OrderByDescending(r => r.Incident.LiftedAt).Take(PastShown).ToListAsync();
    }
}
