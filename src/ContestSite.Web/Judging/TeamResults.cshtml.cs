using ContestSite.Core.Judging;
using ContestSite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging;

/// <summary>
/// A team's own outcome in each round whose results are published: its rank in its track, its scores (raw and
/// normalised, and per criterion), whether it advanced, its awards, and — where the round allows it — the judges'
/// written comments, never with a judge's name. Read from the published snapshot, so it matches the public results.
/// </summary>
[Authorize]
public sealed class TeamResultsModel(ContestDbContext db, TimeProvider clock, IStringLocalizerFactory localizers) : JudgingPageModel(localizers)
{
    public sealed record Outcome(int RoundId, ResultsPublication Publication, ResultLine Line, int TrackSize, bool HasNextRound, IReadOnlyList<string> Comments, bool CanObject);

    public IReadOnlyList<Outcome> Outcomes { get; private set; } = [];
    public bool InAnyTeam { get; private set; }

    public async Task OnGetAsync()
    {
        var teams = await db.TeamMembers.AsNoTracking().Where(m => m.UserId == UserId).Select(m => m.TeamId).ToListAsync();
        InAnyTeam = teams.Count > 0;
        if (!InAnyTeam) return;
        var publications = await db.ResultsPublications.AsNoTracking()
            .Where(p => p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final).ToListAsync();
        var rounds = await db.Rounds.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var settings = await db.RoundJudgingSettings.AsNoTracking().ToDictionaryAsync(s => s.RoundId);
        var now = clock.GetUtcNow();
        var outcomes = new List<Outcome>();
        foreach (var publication in publications.OrderByDescending(p => rounds.GetValueOrDefault(p.RoundId)?.Sequence))
        {
            var snapshot = publication.Snapshot();
            foreach (var line in snapshot.Lines.Where(l => teams.Contains(l.TeamId)))
            {
                var round = rounds[publication.RoundId];
                var comments = settings.GetValueOrDefault(round.Id)?.ShowCommentsToTeams == true ? await CommentsAsync(round.Id, line.EntryId) : [];
                outcomes.Add(new Outcome(round.Id, publication, line, snapshot.Lines.Count(l => l.TrackId == line.TrackId),
                    rounds.Values.Any(r => r.ContestId == round.ContestId && r.Sequence > round.Sequence), comments,
                    publication.Status == ResultsStatus.Provisional && now < publication.ObjectionsCloseAt));
            }
        }
        Outcomes = outcomes;
    }

    /// <summary>The written comments of the counted reviews, in no particular judge's order and with no names.</summary>
    private async Task<IReadOnlyList<string>> CommentsAsync(int roundId, int submissionId) =>
        await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Submitted && r.ExcludedAt == null && r.Comment != null
                && db.Assignments.Any(a => a.Id == r.AssignmentId && a.RoundId == roundId && a.SubmissionId == submissionId))
            .OrderBy(r => r.Comment).Select(r => r.Comment!).ToListAsync();
}
