using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>Takes a file off a dataset's list (the stored bytes stay: other datasets or bundles may share them).</summary>
public sealed class RemoveDatasetFile(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>False when there is no such dataset or file, or the dataset is in review (its page offers no removal then).</summary>
    public async Task<bool> RemoveAsync(Guid datasetId, int resourceId, CancellationToken cancellationToken = default)
    {
        var dataset = await db.Datasets.Include(d => d.Resources).SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        var resource = dataset?.Resources.FirstOrDefault(r => r.Id == resourceId);
        if (dataset is null || resource is null || dataset.Status == ContestSite.Core.Catalog.DatasetStatus.InReview) return false;
        dataset.Resources.Remove(resource);
        dataset.UpdatedAt = clock.GetUtcNow();
        await audit.AppendAsync(() => new AuditEvent("catalog.file-removed", $"dataset:{dataset.Id}", "ok", resource.FileName), CancellationToken.None);
        return true;
    }
}
