using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>The teams a person may ask to join: active teams of the current contest, without their members.</summary>
[RequirePermission(TeamPermissions.Participate)]
public sealed class IndexModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }
    public IReadOnlyList<TeamRow> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return NotFound();
        PageNumber = Math.Max(1, PageNumber);
        var teams = db.Teams.AsNoTracking().Where(t => t.ContestId == Contest.Id
            && t.Status != TeamStatus.Withdrawn && t.Status != TeamStatus.Disqualified);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var key = TeamNames.Normalize(Q);
            teams = teams.Where(t => t.NameKey.Contains(key) || t.OrganizationName.Contains(Q.Trim()));
        }
        Total = await teams.CountAsync();
        var tracks = Contest.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var page = await teams.OrderBy(t => t.Name).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(t => new { t.Id, t.Name, t.TrackId, t.OrganizationType, t.OrganizationName, Size = t.Members.Count }).ToListAsync();
        Items = page.Select(t => new TeamRow(t.Id, t.Name, tracks.GetValueOrDefault(t.TrackId, ""), t.OrganizationType, t.OrganizationName, t.Size)).ToList();
        return Page();
    }

    public sealed record TeamRow(int Id, string Name, string Track, OrganizationType OrganizationType, string OrganizationName, int Size);
}
