using System.Security.Claims;
using ContestSite.Core.Rules;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Review;

/// <summary>The publication panel's actions on one dataset: submit for review, withdraw, unpublish. Each returns to the dataset's page.</summary>
[RequirePermission(CatalogPermissions.ManageCatalog)]
public sealed class PublicationModel(IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public IActionResult OnGet() => Redirect($"/admin/datasets/{Id}");

    public async Task<IActionResult> OnPostSubmitAsync([FromServices] SubmitForReview submit) =>
        Done(await submit.SubmitAsync(Id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted), "已提交审核，等待另一位组织者审核。");

    public async Task<IActionResult> OnPostWithdrawAsync([FromServices] ReturnToDraft back) =>
        Done(await back.ReturnAsync(Id, reason: null, HttpContext.RequestAborted), "已撤回审核，数据集回到草稿。");

    public async Task<IActionResult> OnPostUnpublishAsync(string? reason, [FromServices] ReturnToDraft back) =>
        Done(await back.ReturnAsync(Id, reason, HttpContext.RequestAborted), "数据集已下架，回到草稿。");

    private IActionResult Done(RuleResult? result, string notice)
    {
        if (result is null) return NotFound();
        var t = localizers.Create(typeof(PublicationModel));
        TempData["Notice"] = result.Allowed ? t[notice].Value : t.Localize(result);
        return Redirect($"/admin/datasets/{Id}#publication");
    }
}
