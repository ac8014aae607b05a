using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using ContestSite.Web.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles;

/// <summary>The application form for one restricted dataset: purpose, scenario, and the data-use agreement.</summary>
[RequirePermission(BundlePermissions.UseBundles)]
public sealed class ApplyModel(ContestDbContext db, DataAccess access, Agreements agreements, MarkdownRenderer markdown, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public Dataset Dataset { get; private set; } = null!;
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Scenario { get; set; }
    [BindProperty] public bool AgreementAccepted { get; set; }
    /// <summary>The version shown when the form was opened, so a newer one published meanwhile is not accepted unread.</summary>
    [BindProperty] public int? AgreementVersionId { get; set; }
    public AgreementVersion? Agreement { get; private set; }
    public string AgreementHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid datasetId) => await LoadAsync(datasetId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid datasetId, [FromServices] ApplyForDataset apply)
    {
        if (!await LoadAsync(datasetId)) return NotFound();
        var result = await apply.RunAsync(await access.WhoAsync(User), datasetId, Purpose, Scenario, AgreementAccepted, AgreementVersionId);
        if (!result.Allowed)
        {
            // Show the version in force, unticked, when the one accepted was not it.
            if (AgreementVersionId != Agreement?.Id) AgreementAccepted = false;
            AgreementVersionId = Agreement?.Id;
            ModelState.Remove(nameof(AgreementVersionId));
            ShowRefusal(result);
            return Page();
        }
        Announce("申请已提交，组委会审核后会在数据包页面显示结果。");
        return Redirect("/bundles");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Status == DatasetStatus.Published);
        if (dataset is null) return false;
        Dataset = dataset;
        Agreement = await agreements.CurrentAsync(AgreementKind.DataUse);
        AgreementHtml = Agreement is null ? "" : markdown.ToSafeHtml(Agreement.Markdown);
        if (HttpMethods.IsGet(Request.Method)) AgreementVersionId = Agreement?.Id;
        return true;
    }
}
