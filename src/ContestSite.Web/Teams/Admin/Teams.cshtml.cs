using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Exports;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams.Admin;

/// <summary>All teams of the current contest for organizers: filters, search, paging, and export of the same selection.</summary>
[RequirePermission(TeamPermissions.ManageTeams)]
public sealed class TeamsModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public TeamFilter Filter { get; set; } = new();
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<TeamRow> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return Page();
        PageNumber = Math.Max(1, PageNumber);
        var teams = Filter.Apply(db, Contest.Id).AsNoTracking();
        Total = await teams.CountAsync();
        var tracks = Contest.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var page = await teams.OrderBy(t => t.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(t => new
            {
                t.Id, t.Name, t.TrackId, t.Status, t.OrganizationType, t.OrganizationName, Size = t.Members.Count,
                Captain = t.Members.Where(m => m.Role == TeamRole.Captain).Select(m => m.RealName).FirstOrDefault(),
            }).ToListAsync();
        Items = page.Select(t => new TeamRow(t.Id, t.Name, tracks.GetValueOrDefault(t.TrackId, ""), t.Status, t.OrganizationType,
            t.OrganizationName, t.Size, t.Captain ?? "")).ToList();
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync([FromServices] TeamExport export) => ExportAsync(export, ExportFormat.Csv);

    public Task<IActionResult> OnGetXlsxAsync([FromServices] TeamExport export) => ExportAsync(export, ExportFormat.Xlsx);

    private async Task<IActionResult> ExportAsync(TeamExport export, ExportFormat format)
    {
        Contest = await current.FindAsync(HttpContext.RequestAborted);
        if (Contest is null) return NotFound();
        var table = await export.TableAsync(Contest, Filter, HttpContext.RequestAborted);
        await TabularExport.SendAsync(Response, table, format, $"teams-{Contest.Year}", HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public sealed record TeamRow(int Id, string Name, string Track, TeamStatus Status, OrganizationType OrganizationType, string OrganizationName, int Size, string Captain);
}
