using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Review;

/// <summary>A dataset as the review pages show it: what the reviewer confirms, and the sensitive fields still without a masking rule.</summary>
public sealed record ReviewRow(Guid Id, int Round, string Title, string? Provider, OpenType OpenType, int? SensitivityLevel, string? SubmittedBy,
    DateTimeOffset? SubmittedAt, IReadOnlyList<string> SensitiveFields, IReadOnlyList<string> WithoutMaskingRule, DatasetStatus Status,
    DatasetOrigin Origin = DatasetOrigin.Government);

/// <summary>Reads what waits for review, for the review pages (in slices: a batch may hold thousands).</summary>
public sealed class ReviewQueue(ContestDbContext db)
{
    /// <summary>Every dataset of an import still in review, with the round it is in now.</summary>
    public async Task<IReadOnlyList<ReviewItem>> InReviewFromImportAsync(Guid importId, CancellationToken cancellationToken = default) =>
        await db.Datasets.AsNoTracking().Where(d => d.ImportId == importId && d.Status == DatasetStatus.InReview).OrderBy(d => d.Title)
            .Take(ReviewDatasets.MaxBatch + 1).Select(d => new ReviewItem(d.Id, d.ReviewRound)).ToListAsync(cancellationToken);

    /// <summary>The first <paramref name="max"/> of the datasets, by title.</summary>
    public async Task<IReadOnlyList<ReviewRow>> RowsAsync(IReadOnlyList<Guid> ids, int max, CancellationToken cancellationToken = default)
    {
        var rows = new List<ReviewRow>();
        foreach (var slice in ids.Distinct().Chunk(ReviewDatasets.Slice))
        {
            var datasets = await db.Datasets.AsNoTracking().Where(d => slice.Contains(d.Id))
                .Select(d => new
                {
                    d.Id, d.ReviewRound, d.Title, d.Provider, d.OpenType, d.SensitivityLevel, d.SubmittedAt, d.Status, d.Origin,
                    SubmittedBy = db.Users.Where(u => u.Id == d.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                }).ToListAsync(cancellationToken);
            var sensitive = (await db.DatasetFields.AsNoTracking().Where(f => slice.Contains(f.DatasetId) && f.IsSensitive)
                .OrderBy(f => f.SortOrder).Select(f => new { f.DatasetId, f.Name }).ToListAsync(cancellationToken)).ToLookup(f => f.DatasetId, f => f.Name);
            var ruled = (await db.FieldMaskingRules.AsNoTracking().Where(r => slice.Contains(r.DatasetId)).Select(r => new { r.DatasetId, r.FieldName })
                .ToListAsync(cancellationToken)).ToLookup(r => r.DatasetId, r => r.FieldName);
            rows.AddRange(datasets.Select(d => new ReviewRow(d.Id, d.ReviewRound, d.Title, d.Provider, d.OpenType, d.SensitivityLevel, d.SubmittedBy, d.SubmittedAt,
                sensitive[d.Id].ToList(), sensitive[d.Id].Where(f => !ruled[d.Id].Contains(f)).ToList(), d.Status, d.Origin)));
        }
        return rows.OrderBy(r => r.Title, StringComparer.Ordinal).Take(max).ToList();
    }
}
