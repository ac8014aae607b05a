using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Web.Bundles;
using ContestSite.Data;
using ContestSite.Search;
using ContestSite.Web.Catalog.UseCases;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog;

[RequirePermission(CatalogPermissions.ViewCatalog)]
public sealed class DatasetDetailsModel(ContestDbContext db, CountDatasetView views, CatalogIndex index, DataAccess access, TimeProvider clock,
    IEnumerable<IDatasetPageSectionProvider> sectionProviders, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers) : PageModel
{
    public Dataset Dataset { get; private set; } = null!;
    public IReadOnlyList<CatalogHit> Related { get; private set; } = [];
    /// <summary>What other features show about the dataset (the applications built on it…), in their order.</summary>
    public IReadOnlyList<DatasetPageSection> Sections { get; private set; } = [];
    /// <summary>The dataset's open-type changes, newest first: the public sees why its access changed, not the rest of the record.</summary>
    public IReadOnlyList<ClassificationChange> OpenTypeHistory { get; private set; } = [];
    /// <summary>For a restricted dataset: whether the signed-in person's team may download it now, and if not, why (a localizer key).</summary>
    public RuleResult RestrictedAccess { get; private set; } = RuleResult.Refuse("请先登录");
    /// <summary>An emergency stop (应急处置) covers this dataset: nobody downloads it until the stop is lifted.</summary>
    public bool Suspended { get; private set; }
    public string RestrictedMessage => RuleText.Localize(localizers.Create(typeof(DatasetDetailsModel)), RestrictedAccess);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        // Counted first, so the page shows this visit too.
        if (!await views.CountAsync(id, HttpContext.RequestAborted)) return NotFound();
        Dataset = await db.Datasets.AsNoTracking().Include(d => d.Fields).Include(d => d.Resources).AsSplitQuery().SingleAsync(d => d.Id == id);
        Related = index.Searcher.Related(id, 5);
        var sections = new List<DatasetPageSection>();
        foreach (var provider in sectionProviders)
            if (await provider.ForDatasetAsync(id, HttpContext.RequestAborted) is { } section) sections.Add(section);
        Sections = [.. sections.OrderBy(s => s.Order)];
        OpenTypeHistory = await db.ClassificationChanges.AsNoTracking().Where(c => c.DatasetId == id && c.Field == ClassificationFields.OpenType)
            .OrderByDescending(c => c.Id).ToListAsync();
        var stops = await access.StopsAsync();
        Suspended = Dataset.OpenType != OpenType.Prohibited && stops.Covers(id, Dataset.OpenType);
        if (Dataset.OpenType == OpenType.Restricted)
        {
            var who = await access.WhoAsync(User);
            RestrictedAccess = DataAccessPolicy.CanDownload(Dataset.OpenType, id, who.Downloader, DownloadRoute.SingleFile,
                await access.ApplicationsAsync(who.Team?.Id, id), clock.GetUtcNow(), stops);
        }
        return Page();
    }
}
