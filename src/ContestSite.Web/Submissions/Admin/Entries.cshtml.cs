using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions.Admin;

/// <summary>Entries of a round, per track and status, for organizers.</summary>
[RequirePermission(SubmissionPermissions.Review)]
public sealed class EntriesModel(ContestDbContext db, CurrentContest current) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(int Id, string TeamName, string TrackName, SubmissionStatus Status, int Version, string? Title, DateTimeOffset UpdatedAt);

    public Contest? Contest { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    [FromQuery] public int? RoundId { get; set; }
    [FromQuery] public int? TrackId { get; set; }
    [FromQuery] public SubmissionStatus? Status { get; set; }
    [FromQuery(Name = "p")] public int PageNumber { get; set; } = 1;
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return;
        RoundId ??= Contest.Rounds.FirstOrDefault()?.Id;
        var query = db.Submissions.AsNoTracking().Where(s => s.RoundId == RoundId);
        if (TrackId is not null) query = query.Where(s => s.TrackId == TrackId);
        if (Status is not null) query = query.Where(s => s.Status == Status);
        Total = await query.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        var rows = await query.OrderBy(s => s.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { s, TeamName = t.Name })
            .Select(x => new
            {
                x.s.Id, x.TeamName, x.s.TrackId, x.s.Status, x.s.CurrentVersionNumber, x.s.UpdatedAt,
                Title = db.SubmissionVersions.Where(v => v.SubmissionId == x.s.Id && v.Number == x.s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault(),
            }).ToListAsync();
        Rows = rows.Select(r => new Row(r.Id, r.TeamName, Contest.Tracks.FirstOrDefault(t => t.Id == r.TrackId)?.Name ?? "", r.Status, r.CurrentVersionNumber, r.Title, r.UpdatedAt)).ToList();
    }

    public bool HasNextPage => PageNumber * PageSize < Total;
}
