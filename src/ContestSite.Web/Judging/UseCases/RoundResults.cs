using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>One entry's line in the results.</summary>
public sealed record ResultRow(EntryOutcome Outcome, string Title, int TeamId, string TeamName, int TrackId, int Assigned, bool Advanced, IReadOnlyList<Award> Awards)
{
    public int EntryId => Outcome.EntryId;
}

/// <summary>A round's results as organizers see them, with what the charts and exports need.</summary>
public sealed record RoundReport(
    Round Round,
    RoundJudgingSettings Settings,
    IReadOnlyList<ResultRow> Rows,
    NormalisedRound Normalised,
    IReadOnlyDictionary<string, string> JudgeNames,
    IReadOnlyList<SubmittedReview> Reviews);

/// <summary>Reads a round's submitted reviews and entries and aggregates them (<see cref="RoundAggregation"/>).</summary>
public sealed class RoundResults(ContestDbContext db)
{
    public async Task<RoundJudgingSettings> SettingsAsync(int roundId, CancellationToken cancellationToken = default) =>
        await db.RoundJudgingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RoundId == roundId, cancellationToken)
        ?? new RoundJudgingSettings { RoundId = roundId };

    public async Task<RoundReport> ReportAsync(Round round, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(round.Id, cancellationToken);
        var entries = await db.Submissions.AsNoTracking().Where(s => s.RoundId == round.Id && s.Status == SubmissionStatus.Finalised).OfEntrants(db, round)
            .Select(s => new
            {
                s.Id, s.TrackId, s.TeamId, s.FinalisedAt,
                Team = db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstOrDefault(),
                Title = s.Versions.Where(v => v.Number == s.CurrentVersionNumber).Select(v => v.Title).FirstOrDefault(),
                Assigned = db.Assignments.Count(a => a.RoundId == round.Id && a.SubmissionId == s.Id),
            }).ToListAsync(cancellationToken);
        var reviews = await SubmittedAsync(round.Id, cancellationToken);
        var criteria = round.Criteria.OrderBy(c => c.SortOrder).Select(c => new AggregationCriterion(c.Id, c.Name, c.Weight, c.MaxScore)).ToList();
        var outcome = RoundAggregation.Aggregate(entries.Select(e => new RoundEntry(e.Id, e.TrackId, e.FinalisedAt)).ToList(),
            reviews, criteria, settings.Ranking, settings.DisagreementThreshold);

        var advanced = (await db.Advancements.AsNoTracking().Where(a => a.RoundId == round.Id).Select(a => a.SubmissionId).ToListAsync(cancellationToken)).ToHashSet();
        var awards = (await db.Awards.AsNoTracking().Where(a => a.RoundId == round.Id).ToListAsync(cancellationToken)).ToLookup(a => a.SubmissionId);
        var byId = entries.ToDictionary(e => e.Id);
        var rows = outcome.Entries.Select(o =>
        {
            var e = byId[o.EntryId];
            return new ResultRow(o, e.Title ?? "", e.TeamId, e.Team ?? "", e.TrackId, e.Assigned, advanced.Contains(e.Id), awards[e.Id].ToList());
        }).ToList();
        var judgeIds = reviews.Select(r => r.JudgeId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => judgeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new RoundReport(round, settings, rows, outcome.Normalised, names, reviews);
    }

    private async Task<List<SubmittedReview>> SubmittedAsync(int roundId, CancellationToken cancellationToken)
    {
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Submitted && r.Total != null && r.ExcludedAt == null)
            .Join(db.Assignments.Where(a => a.RoundId == roundId), r => r.AssignmentId, a => a.Id, (r, a) => new { a.JudgeUserId, a.SubmissionId, r.Id, r.Total })
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = (await db.CriterionScores.AsNoTracking().Where(s => ids.Contains(s.ReviewId)).ToListAsync(cancellationToken)).ToLookup(s => s.ReviewId);
        return rows.Select(r => new SubmittedReview(r.JudgeUserId, r.SubmissionId, (double)r.Total!.Value,
            scores[r.Id].ToDictionary(s => s.CriterionId, s => s.Value))).ToList();
    }
}
