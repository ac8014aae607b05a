using System.Security.Claims;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Review;

/// <summary>
/// The dataset admin page's publication panel: its state, who submitted it, the actions the state allows (submit,
/// withdraw, review, unpublish with a reason) and every review with its assessment, newest first.
/// </summary>
public sealed class DatasetPublicationViewComponent(ContestDbContext db) : ViewComponent
{
    public sealed record Model(Guid DatasetId, DatasetStatus Status, int Round, DateTimeOffset? SubmittedAt, string? SubmittedBy,
        bool MayReview, IReadOnlyList<DatasetReview> Reviews);

    public async Task<IViewComponentResult> InvokeAsync(Guid datasetId)
    {
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId)
            .Select(d => new { d.Status, d.ReviewRound, d.SubmittedAt, d.SubmittedById, d.LastEditedById }).SingleAsync();
        var submittedBy = dataset.SubmittedById is null ? null
            : await db.Users.Where(u => u.Id == dataset.SubmittedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        var reviews = await db.DatasetReviews.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderByDescending(r => r.Id).ToListAsync();
        var me = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var mayReview = dataset.Status == DatasetStatus.InReview && me != dataset.SubmittedById && me != dataset.LastEditedById;
        return View("/Catalog/Review/_DatasetPublication.cshtml",
            new Model(datasetId, dataset.Status, dataset.ReviewRound, dataset.SubmittedAt, submittedBy, mayReview, reviews));
    }
}
