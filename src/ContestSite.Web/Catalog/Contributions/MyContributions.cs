using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>One of a person's contributions as they follow it: its state and, when returned, the reviewer's reason.</summary>
public sealed record ContributionRow(Guid Id, string Title, string? Provider, DatasetStatus Status, DateTimeOffset ContributedAt, DateTimeOffset? SubmittedAt,
    string? ReturnReason);

/// <summary>Reads a person's own contributions, newest first, a page at a time.</summary>
public sealed class MyContributions(ContestDbContext db)
{
    public const int PageSize = 50;

    public async Task<(IReadOnlyList<ContributionRow> Rows, int Total)> ListAsync(string userId, int page, CancellationToken cancellationToken = default)
    {
        var mine = db.DatasetContributions.AsNoTracking().Where(c => c.ContributorId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(c => c.ContributedAt).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Join(db.Datasets, c => c.DatasetId, d => d.Id, (c, d) => new
            {
                d.Id, d.Title, d.Provider, d.Status, c.ContributedAt, d.SubmittedAt,
                // The reason of the last review, shown while the contribution waits in draft for the contributor's correction.
                ReturnReason = db.DatasetReviews.Where(r => r.DatasetId == d.Id).OrderByDescending(r => r.Round).Select(r => r.ReturnReason).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return (rows.OrderByDescending(r => r.ContributedAt)
            .Select(r => new ContributionRow(r.Id, r.Title, r.Provider, r.Status, r.ContributedAt, r.SubmittedAt, r.Status == DatasetStatus.Draft ? r.ReturnReason : null))
            .ToList(), total);
    }
}
