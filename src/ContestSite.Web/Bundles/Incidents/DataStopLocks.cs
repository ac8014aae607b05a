using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.Incidents;

/// <summary>
/// What orders an emergency stop against an approval decided at the same instant: both lock the datasets' rows first
/// (an UPDATE of a column to itself, held to commit), then look. A stop that locks first makes the approval wait and
/// then see the stop (refused); an approval that locks first is committed before the stop looks for live approvals,
/// so it is suspended. On SQLite the write transactions of a node already run one at a time.
/// </summary>
public static class DataStopLocks
{
    public static Task LockAsync(ContestDbContext db, Guid? datasetId, CancellationToken cancellationToken = default)
    {
        var rows = datasetId is { } id ? db.Datasets.Where(d => d.Id == id) : db.Datasets.Where(d => d.OpenType == OpenType.Restricted);
        return rows.ExecuteUpdateAsync(s => s.SetProperty(d => d.DownloadCount, d => d.DownloadCount), cancellationToken);
    }

    public static Task<bool> IsStoppedAsync(ContestDbContext db, Guid datasetId, OpenType openType, CancellationToken cancellationToken = default) =>
        db.DataIncidents.AnyAsync(i => i.LiftedAt == null && (i.DatasetId == datasetId || (i.DatasetId == null && openType == OpenType.Restricted)), cancellationToken);

    /// <summary>The applications a stop of <paramref name="datasetId"/> (null: all restricted data) covers.</summary>
    public static IQueryable<AccessApplication> Covered(ContestDbContext db, Guid? datasetId) =>
        datasetId is { } id
            ? db.AccessApplications.Where(a => a.DatasetId == id)
            : db.AccessApplications.Where(a => db.Datasets.Any(d => d.Id == a.DatasetId && d.OpenType == OpenType.Restricted));
}
