using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>我贡献的数据: the person's contributions with their state, and the reason of a return so they can correct it.</summary>
[Authorize]
[RequirePermission(CatalogPermissions.ViewCatalog)]
public sealed class MyContributionsModel(IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<ContributionRow> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync([FromServices] MyContributions mine)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        (Rows, Total) = await mine.ListAsync(UserId, PageNumber, HttpContext.RequestAborted);
    }
}
