using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Import;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog;

/// <summary>
/// What an import did, with the rows it could not read and why, and the portal values it left alone because an
/// organizer decided that part of the classification here (<see cref="Kept"/>, for review).
/// </summary>
public sealed record CatalogImportReport(bool Succeeded, string? FatalError, string Format, int RowsRead, int Inserted, int Updated, int Unchanged, int Duplicates,
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<KeptDecision> Kept);

/// <summary>
/// Imports a portal export into the catalogue: the whole file is read and checked first, then inserts and
/// updates are saved in one transaction (with their change-log rows), so a file that cannot be read
/// changes nothing and a re-import updates instead of duplicating.
/// </summary>
public sealed class CatalogImportService(ContestDbContext db, TimeProvider clock)
{
    public async Task<CatalogImportReport> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var batch = await CatalogFileReader.ReadAsync(file, now, cancellationToken);
        if (!batch.Succeeded)
            return new CatalogImportReport(false, batch.FatalError, batch.Format, 0, 0, 0, 0, 0, [], []);

        var keys = batch.Datasets.Select(d => d.SourceKey).OfType<string>().ToHashSet();
        var existing = new Dictionary<string, Dataset>();
        // Looked up in slices: an IN list of a hundred thousand keys is more than either database likes.
        foreach (var slice in keys.Chunk(500))
        {
            var found = await db.Datasets.Where(d => d.SourceKey != null && slice.Contains(d.SourceKey)).ToListAsync(cancellationToken);
            foreach (var dataset in found) existing[dataset.SourceKey!] = dataset;
        }
        var plan = CatalogImporter.Upsert(existing, batch, now);
        foreach (var dataset in plan.Inserts) dataset.Status = DatasetStatus.Published;
        db.Datasets.AddRange(plan.Inserts);

        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a recipe's transaction: the recipe commits or rolls back everything together.
            await db.SaveChangesAsync(cancellationToken);
            return Report(batch, plan);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return Report(batch, plan);
    }

    private static CatalogImportReport Report(ImportBatch batch, ImportPlan plan) =>
        new(true, null, batch.Format, batch.RowsRead, plan.Inserts.Count, plan.Updates.Count, plan.Unchanged, batch.DuplicateRows, batch.Problems, plan.Kept);
}
