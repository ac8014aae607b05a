using ContestSite.Web.Catalog.Performance;
using ContestSite.Web.Exports;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContestSite.Web.Catalog;

/// <summary>
/// 开放目录绩效 for the organizers: Zhejiang's provincial departments and cities against the plan's yearly targets, with
/// downloads, applications and showcased applications per provider, and the same table to download for the 通报.
/// </summary>
[RequirePermission(CatalogPermissions.ViewPerformance)]
public sealed class CatalogStatsModel(OpeningPerformance performance) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public PerformanceReport Report { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Report = await performance.ReportAsync(Year ?? await performance.LatestYearWithDataAsync(HttpContext.RequestAborted), HttpContext.RequestAborted);

    public Task<IActionResult> OnGetCsvAsync([FromServices] PerformanceExport export) => ExportAsync(export, ExportFormat.Csv);

    public Task<IActionResult> OnGetXlsxAsync([FromServices] PerformanceExport export) => ExportAsync(export, ExportFormat.Xlsx);

    private async Task<IActionResult> ExportAsync(PerformanceExport export, ExportFormat format)
    {
        var report = await performance.ReportAsync(Year ?? await performance.LatestYearWithDataAsync(HttpContext.RequestAborted), HttpContext.RequestAborted);
        await TabularExport.SendAsync(Response, export.Table(report), format, $"opening-performance-{report.Year}", HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
