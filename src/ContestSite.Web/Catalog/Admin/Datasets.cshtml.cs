using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog.Admin;

[RequirePermission(CatalogPermissions.ManageCatalog)]
public sealed class DatasetsModel(ContestDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DatasetStatus? Status { get; set; }
    /// <summary>Only contributed (社会贡献) or only government data: the inbox links contributions waiting for review here.</summary>
    [BindProperty(SupportsGet = true)] public DatasetOrigin? Origin { get; set; }
    /// <summary>Only the datasets one import brought in (the import report links here to review them as a batch).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Import { get; set; }
    public int InReviewFromImport { get; private set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<Dataset> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var datasets = db.Datasets.AsNoTracking();
        var q = CatalogSearchRequest.Clean(Q);
        if (q is not null) datasets = datasets.Where(d => d.Title.Contains(q) || (d.Provider != null && d.Provider.Contains(q)));
        if (Status is { } status) datasets = datasets.Where(d => d.Status == status);
        if (Origin is { } origin) datasets = datasets.Where(d => d.Origin == origin);
        if (Import is { } import)
        {
            datasets = datasets.Where(d => d.ImportId == import);
            InReviewFromImport = await db.Datasets.CountAsync(d => d.ImportId == import && d.Status == DatasetStatus.InReview);
        }
        Total = await datasets.CountAsync();
        Items = await datasets.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Title).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }
}
