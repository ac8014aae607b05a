using ContestSite.Core.Catalog;
using ContestSite.Search;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Catalog;

[RequirePermission(CatalogPermissions.ViewCatalog)]
public sealed class DatasetSearchModel(CatalogIndex index, IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether to link the opening-performance page (organizers' figures).</summary>
    public bool MaySeePerformance { get; private set; }

    public static readonly IReadOnlyList<(string Facet, string Label)> FacetLabels =
    [
        (FacetNames.OpenType, "开放类型"), (FacetNames.Domain, "数据领域"), (FacetNames.Region, "地区"),
        (FacetNames.Provider, "数源单位"), (FacetNames.Format, "数据格式"), (FacetNames.UpdateFrequency, "更新频率"), (FacetNames.Origin, "来源类别"),
    ];

    public CatalogQuery Query { get; private set; } = new();
    public CatalogSearchResult Result { get; private set; } = null!;
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Math.Min(Result.Total, CatalogSearcher.MaxResultWindow) / (double)Result.PageSize));

    public async Task OnGetAsync()
    {
        Query = CatalogSearchRequest.From(Request.Query);
        Result = index.Searcher.Search(Query);
        MaySeePerformance = (await authorization.AuthorizeAsync(User, PermissionPolicies.Prefix + CatalogPermissions.ViewPerformance)).Succeeded;
    }

    public bool IsSelected(string facet, string value) => Query.Filters().TryGetValue(facet, out var values) && values.Contains(value);

    /// <summary>What a facet value is called on the page: open types by the plan's Chinese names, origins as 政府开放 / 社会贡献.</summary>
    public static string Label(string facet, string value) => facet switch
    {
        FacetNames.OpenType when Enum.TryParse<OpenType>(value, out var type) => OpenTypeMapper.PlanName(type),
        FacetNames.Origin when Enum.TryParse<DatasetOrigin>(value, out var origin) => Contributions.ContributionText.Origin(origin),
        _ => value,
    };

    /// <summary>The current search with another page number, for the pager links.</summary>
    public string PageUrl(int page)
    {
        var pairs = Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/datasets?" + string.Join("&", pairs.Append($"page={page}"));
    }
}
