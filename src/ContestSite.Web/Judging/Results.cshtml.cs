using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>The public list of winners: only published awards, per round and track, with team and entry title.</summary>
[RequirePermission(JudgingPermissions.ViewResults)]
public sealed class ResultsModel(ContestDbContext db, CurrentContest current) : PageModel
{
    public sealed record Winner(Award Award, string Title, string Team, string? Track, string Round);

    public string? ContestName { get; private set; }
    public IReadOnlyList<Winner> Winners { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var contest = await current.FindAsync();
        if (contest is null) return;
        ContestName = contest.Name;
        var awards = await db.Awards.AsNoTracking().Where(a => a.ContestId == contest.Id && a.PublishedAt != null)
            .Select(a => new
            {
                Award = a,
                Team = db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).FirstOrDefault(),
                Title = db.Submissions.Where(s => s.Id == a.SubmissionId).SelectMany(s => s.Versions.Where(v => v.Number == s.CurrentVersionNumber)).Select(v => v.Title).FirstOrDefault(),
            }).ToListAsync();
        var tracks = contest.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var rounds = contest.Rounds.ToDictionary(r => r.Id);
        Winners = awards.Select(a => new Winner(a.Award, a.Title ?? "", a.Team ?? "", a.Award.TrackId is { } t ? tracks.GetValueOrDefault(t) : null,
                rounds.TryGetValue(a.Award.RoundId, out var r) ? r.Name : ""))
            .OrderByDescending(w => rounds.GetValueOrDefault(w.Award.RoundId)?.Sequence).ThenBy(w => w.Award.TrackId is null)
            .ThenBy(w => w.Track).ThenBy(w => w.Award.Level).ThenBy(w => w.Award.Id).ToList();
    }
}
