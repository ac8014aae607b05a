using ContestSite.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Data.Catalog;

/// <summary>
/// Appends the change rows the search index follows. Call it right before <c>SaveChanges</c> of any
/// unit of work that touches datasets: the rows are saved in the same transaction as the datasets, so
/// the index can never miss a change that was committed.
/// </summary>
public static class CatalogChangeLog
{
    /// <summary>Adds one change row per dataset that is added, modified or deleted, directly or through its fields and resources.</summary>
    public static int AppendTrackedChanges(ContestDbContext db, DateTimeOffset at)
    {
        var changed = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            Guid? datasetId = entry.Entity switch
            {
                Dataset dataset => dataset.Id,
                DatasetField field => field.DatasetId,
                DatasetResource resource => resource.DatasetId,
                _ => null,
            };
            if (datasetId is { } id && id != Guid.Empty)
            {
                changed.Add(id);
            }
        }
        foreach (var id in changed)
        {
            Append(db, id, at);
        }
        return changed.Count;
    }

    /// <summary>Adds one change row for a dataset changed in a way the change tracker does not show (e.g. a bulk update).</summary>
    public static void Append(ContestDbContext db, Guid datasetId, DateTimeOffset at) =>
        db.CatalogChanges.Add(new CatalogChange { DatasetId = datasetId, At = at });
}
