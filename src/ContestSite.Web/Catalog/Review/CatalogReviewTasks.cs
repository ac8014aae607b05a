using System.Security.Claims;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Admin;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Review;

/// <summary>
/// The catalogue's part of the organizers' inbox: datasets waiting for review. The signed-in organizer is not asked to
/// review what they submitted or last changed (they may not), so those are not counted for them; the digest mail,
/// which has nobody signed in, counts every dataset waiting.
/// </summary>
public sealed class CatalogReviewTasks(ContestDbContext db, IHttpContextAccessor http) : IOrganizerTaskSource
{
    public async Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken)
    {
        var waiting = db.Datasets.Where(d => d.Status == DatasetStatus.InReview);
        if (http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
            waiting = waiting.Where(d => (d.SubmittedById == null || d.SubmittedById != me) && (d.LastEditedById == null || d.LastEditedById != me));
        var count = await waiting.CountAsync(cancellationToken);
        var contributed = await waiting.CountAsync(d => d.Origin == DatasetOrigin.Contributed, cancellationToken);
        return
        [
            new("catalog.review", "待审核的数据集：{0} 个", count, "/admin/datasets?status=InReview", CatalogPermissions.ManageCatalog),
            // Contributions come from outside the organizers: shown apart, so they are not lost among an import's thousands.
            new("catalog.review-contributed", "其中待审核的社会贡献数据：{0} 个", contributed, "/admin/datasets?status=InReview&origin=Contributed", CatalogPermissions.ManageCatalog),
        ];
    }
}
