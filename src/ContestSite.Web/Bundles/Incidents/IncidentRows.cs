using ContestSite.Core.Bundles;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>An incident as the pages show it: the dataset's title (null: all restricted data) and who started and lifted it.</summary>
public sealed class IncidentRow
{
    public required DataIncident Incident { get; init; }
    public string? DatasetTitle { get; init; }
    public string? StartedByName { get; init; }
    public string? LiftedByName { get; init; }
    public int Suspended { get; init; }
    public int Unresolved { get; init; }
}

public static class IncidentQueries
{
    public static IQueryable<IncidentRow> IncidentRows(this ContestDbContext db, IQueryable<DataIncident> incidents) =>
        incidents.Select(i => new IncidentRow
        {
            Incident = i,
            DatasetTitle = db.Datasets.Where(d => d.Id == i.DatasetId).Select(d => d.Title).FirstOrDefault(),
            StartedByName = db.Users.Where(u => u.Id == i.StartedBy).Select(u => u.DisplayName).FirstOrDefault(),
            LiftedByName = db.Users.Where(u => u.Id == i.LiftedBy).Select(u => u.DisplayName).FirstOrDefault(),
            Suspended = db.AccessApplications.Count(a => a.SuspendedByIncidentId == i.Id),
            Unresolved = db.AccessApplications.Count(a => a.SuspendedByIncidentId == i.Id && a.Status == ApplicationStatus.Suspended),
        });
}
