using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Bundles;

/// <summary>The application form for one restricted dataset: purpose, scenario, and the data-use agreement.</summary>
[RequirePermission(BundlePermissions.UseBundles)]
public sealed class ApplyModel(ContestDbContext db, DataAccess access, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public Dataset Dataset { get; private set; } = null!;
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Scenario { get; set; }
    [BindProperty] public bool AgreementAccepted { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid datasetId) => await LoadAsync(datasetId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid datasetId, [FromServices] ApplyForDataset apply)
    {
        if (!await LoadAsync(datasetId)) return NotFound();
        var result = await apply.RunAsync(await access.WhoAsync(User), datasetId, Purpose, Scenario, AgreementAccepted);
        if (!result.Allowed)
        {
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
        return true;
    }
}
