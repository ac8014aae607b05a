using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Catalog.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.UseCases;

/// <summary>What a change to the catalogue came to: the dataset saved, or the field-list lines that could not be read.</summary>
public sealed record DatasetChange(Guid Id, IReadOnlyList<string> BadFieldLines)
{
    public bool Saved => BadFieldLines.Count == 0;
}

/// <summary>Adds a dataset to the catalogue by hand, or changes one (the index follows through the change log).</summary>
public sealed class SaveDataset(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such dataset.</summary>
    public async Task<DatasetChange?> SaveAsync(Guid? datasetId, DatasetInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var dataset = datasetId is null ? new Dataset { Title = "", CreatedAt = now }
            : await db.Datasets.Include(d => d.Fields).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null) return null;
        var badLines = input.ApplyTo(dataset);
        if (badLines.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new DatasetChange(dataset.Id, badLines);
        }
        dataset.UpdatedAt = now;
        if (datasetId is null) db.Datasets.Add(dataset);
        await audit.AppendAsync(() => new AuditEvent(datasetId is null ? "catalog.dataset-created" : "catalog.dataset-changed", $"dataset:{dataset.Id}", "ok",
            $"{dataset.Title}; {dataset.OpenType}; {dataset.Status}"), CancellationToken.None);
        return new DatasetChange(dataset.Id, []);
    }
}
