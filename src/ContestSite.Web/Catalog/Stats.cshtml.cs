using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Catalog;

/// <summary>
/// 开放目录绩效: datasets first published in a year, per provincial department and per city, against the
/// plan's yearly targets (5 new datasets for each provincial department, 150 for each city).
/// </summary>
[RequirePermission(CatalogPermissions.ViewCatalog)]
public sealed class CatalogStatsModel(ContestDbContext db, TimeProvider clock) : PageModel
{
    public const int DepartmentTarget = 5;
    public const int CityTarget = 150;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Row> Departments { get; private set; } = [];
    public IReadOnlyList<Row> Cities { get; private set; } = [];

    public sealed record Row(string Name, int Count, int Target)
    {
        public bool Met => Count >= Target;
    }

    public async Task OnGetAsync()
    {
        var published = db.Datasets.AsNoTracking().Where(d => d.Status == DatasetStatus.Published && d.FirstPublished != null);
        var firsts = await published.Select(d => d.FirstPublished!.Value).ToListAsync();
        Years = firsts.Select(f => ContestTime.ToChina(f).Year).Distinct().OrderDescending().ToList();
        var thisYear = ContestTime.ToChina(clock.GetUtcNow()).Year;
        ShownYear = Year is { } asked && asked is > 1990 and < 2200 ? asked : thisYear;

        var from = new DateTimeOffset(ShownYear, 1, 1, 0, 0, 0, ContestTime.Offset);
        var to = from.AddYears(1);
        var inYear = published.Where(d => d.FirstPublished >= from && d.FirstPublished < to);
        Departments = (await inYear.Where(d => d.City == null && d.Provider != null).GroupBy(d => d.Provider!)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .Select(g => new Row(g.Key, g.Count, DepartmentTarget)).OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        Cities = (await inYear.Where(d => d.City != null).GroupBy(d => d.City!)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .Select(g => new Row(g.Key, g.Count, CityTarget)).OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}
