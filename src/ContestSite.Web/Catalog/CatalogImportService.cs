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
    IReadOnlyList<ImportProblem> Problems, IReadOnlyList<KeptDecision> Kept)
{
    /// <summary>Marks the datasets this import inserted (the admin list filters by it to review them as a batch).</summary>
    public Guid ImportId { get; init; }
    public IReadOnlyList<Guid> InsertedIds { get; init; } = [];
    /// <summary>The state the inserted datasets arrived in.</summary>
    public DatasetStatus ArrivedAs { get; init; }
    /// <summary>Datasets in review whose portal record changed: their review starts again (a new round, or back to draft).</summary>
    public int ReviewRestarted { get; init; }
}

/// <summary>
/// How an import's new datasets arrive: as drafts, in review (submitted by the importing organizer), or published by the
/// operator installing the site (the setup recipe), which is recorded as a batch assessment by the recipe, not a person.
/// </summary>
public sealed record ImportArrival(DatasetStatus Status, string? SubmittedById = null, string? PublishedBy = null)
{
    public static readonly ImportArrival Draft = new(DatasetStatus.Draft);
    public static ImportArrival InReview(string submittedById) => new(DatasetStatus.InReview, submittedById);
    public static ImportArrival PublishedByOperator(string who) => new(DatasetStatus.Published, PublishedBy: who);
}

/// <summary>
/// Imports a portal export into the catalogue: the whole file is read and checked first, then inserts and
/// updates are saved in one transaction (with their change-log rows), so a file that cannot be read
/// changes nothing and a re-import updates instead of duplicating. New datasets arrive as <see cref="ImportArrival"/>
/// says; a re-import keeps each existing dataset's state (a published one stays published).
/// </summary>
public sealed class CatalogImportService(ContestDbContext db, TimeProvider clock)
{
    public async Task<CatalogImportReport> ImportAsync(Stream file, ImportArrival arrival, CancellationToken cancellationToken = default)
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
        var importId = Guid.CreateVersion7();
        foreach (var dataset in plan.Inserts) Arrive(dataset, arrival, importId, plan.Inserts.Count, now);
        db.Datasets.AddRange(plan.Inserts);
        var restarted = 0;
        foreach (var dataset in plan.Updates.Where(d => d.Status == DatasetStatus.InReview))
        {
            // The reviewer would otherwise approve what the portal changed after they looked.
            restarted++;
            if (arrival.Status == DatasetStatus.InReview) (dataset.ReviewRound, dataset.SubmittedAt, dataset.SubmittedById) = (dataset.ReviewRound + 1, now, arrival.SubmittedById);
            else dataset.Status = DatasetStatus.Draft;
        }
        CatalogImportReport Done() => Report(batch, plan) with
        {
            ImportId = importId, InsertedIds = plan.Inserts.Select(d => d.Id).ToList(), ArrivedAs = arrival.Status, ReviewRestarted = restarted,
        };

        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a recipe's transaction: the recipe commits or rolls back everything together.
            await db.SaveChangesAsync(cancellationToken);
            return Done();
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return Done();
    }

    private void Arrive(Dataset dataset, ImportArrival arrival, Guid importId, int batchSize, DateTimeOffset now)
    {
        dataset.Status = arrival.Status;
        dataset.ImportId = importId;
        if (arrival.Status == DatasetStatus.Draft) return;
        (dataset.ReviewRound, dataset.SubmittedAt, dataset.SubmittedById) = (1, now, arrival.SubmittedById);
        if (arrival.Status != DatasetStatus.Published) return;
        dataset.FirstPublished ??= now;
        db.DatasetReviews.Add(new DatasetReview
        {
            DatasetId = dataset.Id, Round = 1, Decision = ReviewDecision.Approved, BatchId = importId, BatchSize = batchSize, ByRecipe = true, ReviewerName = arrival.PublishedBy, At = now,
            OpenTypeJustification = "由运营方安装站点时直接发布，未经组织者审核", OpenType = dataset.OpenType, SensitivityLevel = dataset.SensitivityLevel,
            SensitiveFields = Classification.FieldsText(Classification.Of(dataset).SensitiveFields),
        });
    }

    private static CatalogImportReport Report(ImportBatch batch, ImportPlan plan) =>
        new(true, null, batch.Format, batch.RowsRead, plan.Inserts.Count, plan.Updates.Count, plan.Unchanged, batch.DuplicateRows, batch.Problems, plan.Kept);
}
