using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// The emergency-stop block of a dataset's admin page (offered to the catalogue): the stops that cover it now, its past
/// ones, and the way to stop it. Shown only to those who may handle incidents.
/// </summary>
[ExtensionPoint]
public sealed class DatasetIncidentsViewComponent(ContestDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Model(Guid DatasetId, IReadOnlyList<IncidentRow> Open, IReadOnlyList<IncidentRow> Past);

    public async Task<IViewComponentResult> InvokeAsync(Guid datasetId, OpenType openType)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, PermissionPolicies.Prefix + BundlePermissions.ManageIncidents)).Succeeded)
            return Content("");
        var restricted = openType == OpenType.Restricted;
        var covering = db.DataIncidents.AsNoTracking().Where(i => i.DatasetId == datasetId || (i.DatasetId == null && restricted));
        var open = await db.IncidentRows(covering.Where(i => i.LiftedAt == null)).OrderByDescending(r => r.Incident.StartedAt).ToListAsync();
        var past = await db.IncidentRows(db.DataIncidents.AsNoTracking().Where(i => i.DatasetId == datasetId && i.LiftedAt != null))
            .OrderByDescending(r => r.Incident.StartedAt).Take(20).ToListAsync();
        return View("/Bundles/Incidents/_DatasetIncidents.cshtml", new Model(datasetId, open, past));
    }
}
