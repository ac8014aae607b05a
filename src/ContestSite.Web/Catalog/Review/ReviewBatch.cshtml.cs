using System.Globalization;
using System.Security.Claims;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Review;

/// <summary>
/// One assessment for many datasets: those ticked on the catalogue list (each with the round it showed), or every
/// dataset of one import still in review. Posted from the list, it shows the batch; its Decide handler reviews it.
/// </summary>
[RequirePermission(CatalogPermissions.ManageCatalog)]
[RequestFormLimits(ValueCountLimit = ReviewDatasets.MaxBatch + 100)]
public sealed class ReviewBatchModel(ReviewQueue queue, IStringLocalizerFactory localizers) : PageModel
{
    public const int RowsShown = 200;

    /// <summary>"{id}:{round}" of each dataset ticked on the list.</summary>
    [BindProperty] public List<string> Items { get; set; } = [];
    [BindProperty] public Guid? ImportId { get; set; }
    [BindProperty] public ReviewForm Form { get; set; } = new();
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];
    public int Count { get; private set; }

    public IActionResult OnGet() => Redirect("/admin/datasets?status=InReview");

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync([FromServices] ReviewDatasets review)
    {
        var items = await LoadAsync();
        if (!ModelState.IsValid) return Page();
        var outcome = await review.ReviewAsync(items, Form.ToAssessment(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted);
        var t = localizers.Create(typeof(ReviewBatchModel));
        if (!outcome.Done)
        {
            foreach (var refusal in outcome.Refusals.Take(50)) ModelState.AddModelError(string.Empty, t.Localize(refusal));
            if (outcome.Refusals.Count > 50) ModelState.AddModelError(string.Empty, t["另有 {0} 个问题未列出", outcome.Refusals.Count - 50].Value);
            return Page();
        }
        TempData["Notice"] = t["已审核 {0} 个数据集。", outcome.Reviewed].Value;
        return Redirect("/admin/datasets?status=InReview");
    }

    private async Task<IReadOnlyList<ReviewItem>> LoadAsync()
    {
        var items = ImportId is { } importId ? await queue.InReviewFromImportAsync(importId, HttpContext.RequestAborted) : Parse(Items);
        Count = items.Count;
        Items = items.Select(i => $"{i.DatasetId}:{i.Round.ToString(CultureInfo.InvariantCulture)}").ToList();
        Rows = await queue.RowsAsync(items.Select(i => i.DatasetId).ToList(), RowsShown, HttpContext.RequestAborted);
        return items;
    }

    /// <summary>The well-formed "{id}:{round}" values; anything else is dropped (it names no dataset).</summary>
    private static List<ReviewItem> Parse(IEnumerable<string> values) =>
        values.Select(v => v.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(p => new ReviewItem(Guid.Parse(p[0]), int.Parse(p[1], CultureInfo.InvariantCulture))).DistinctBy(i => i.DatasetId).ToList();
}
