using ContestSite.Data;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>
/// Tells contributors what the review decided, in their own language, through the outbox (queued with the review,
/// so a decision is never without its mail): published, or returned with the reviewer's reason and a link to correct it.
/// </summary>
public sealed class ContributionEmails(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, PublicUrls urls)
{
    /// <summary>Queues one mail per contributed dataset among <paramref name="datasetIds"/>; the others are not contributions.</summary>
    public async Task EnqueueReviewedAsync(IReadOnlyCollection<Guid> datasetIds, bool approved, string? reason, CancellationToken cancellationToken)
    {
        foreach (var slice in datasetIds.Chunk(Review.ReviewDatasets.Slice))
        foreach (var c in await db.DatasetContributions.AsNoTracking().Where(c => slice.Contains(c.DatasetId))
            .Join(db.Datasets, c => c.DatasetId, d => d.Id, (c, d) => new { d.Id, d.Title, c.ContributorId })
            .Join(db.Users.Where(u => u.Email != null), x => x.ContributorId, u => u.Id, (x, u) => new { x.Id, x.Title, u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken))
        {
            outbox.Enqueue(approved
                ? templates.Build(c.PreferredCulture, c.Email!, c.DisplayName, "您贡献的数据已发布：{0}",
                    [("您贡献的数据集“{0}”已通过审核，在数据目录中公开，标注为社会贡献数据。", [c.Title])], ("查看数据集", urls.BaseUrl + $"/datasets/{c.Id}"), c.Title)
                : templates.Build(c.PreferredCulture, c.Email!, c.DisplayName, "您贡献的数据被退回：{0}",
                    [("您贡献的数据集“{0}”未通过审核，已退回。", [c.Title]), ("退回原因：{0}", [reason ?? ""]), ("请修改后重新提交审核。", [])],
                    ("修改并重新提交", urls.BaseUrl + $"/datasets/contribute/{c.Id}"), c.Title));
        }
    }
}
