using System.Security.Claims;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Review;

/// <summary>The review of one dataset: what it is, and the assessment with the decision.</summary>
[RequirePermission(CatalogPermissions.ManageCatalog)]
public sealed class ReviewDatasetModel(ReviewQueue queue, IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Round { get; set; }
    [BindProperty] public ReviewForm Form { get; set; } = new();
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];
    public ReviewRow? Row => Rows.Count == 1 ? Rows[0] : null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromServices] ReviewDatasets review)
    {
        if (!await LoadAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await review.ReviewAsync([new ReviewItem(Id, Round)], Form.ToAssessment(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted);
        var t = localizers.Create(typeof(ReviewDatasetModel));
        if (!outcome.Done)
        {
            foreach (var refusal in outcome.Refusals) ModelState.AddModelError(string.Empty, t.Localize(refusal));
            return Page();
        }
        TempData["Notice"] = t["审核结论已记录。"].Value;
        return Redirect($"/admin/datasets/{Id}#publication");
    }

    private async Task<bool> LoadAsync()
    {
        Rows = await queue.RowsAsync([Id], 1, HttpContext.RequestAborted);
        return Rows.Count == 1;
    }
}
