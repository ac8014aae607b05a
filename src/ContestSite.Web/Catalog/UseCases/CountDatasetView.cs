using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>Counts a visit to a published dataset's page.</summary>
public sealed class CountDatasetView(ContestDbContext db)
{
    /// <summary>
    /// False when no published dataset has this id. No change-log row: the index picks the new count up with the
    /// dataset's next real change.
    /// </summary>
    public async Task<bool> CountAsync(Guid datasetId, CancellationToken cancellationToken = default) =>
        await db.Datasets.Where(d => d.Id == datasetId && d.Status == DatasetStatus.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ViewCount, d => d.ViewCount + 1), cancellationToken) > 0;
}
