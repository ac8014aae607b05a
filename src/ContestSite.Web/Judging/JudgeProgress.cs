using ContestSite.Core.Judging;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>A judge's progress in one round: reviews submitted out of entries to score.</summary>
public sealed record RoundProgress(int RoundId, int Submitted, int Assigned);

/// <summary>
/// Counts a judge's progress per round ("已评 3 / 12"). An entry the judge's conflict keeps them from (waiting for an
/// organizer, or upheld) is not theirs to score, so it counts in neither number; a dismissed conflict counts as none.
/// </summary>
public sealed class JudgeProgress(ContestDbContext db)
{
    public async Task<IReadOnlyList<RoundProgress>> ForJudgeAsync(string judgeId, IReadOnlyCollection<int> roundIds, CancellationToken cancellationToken = default)
    {
        var rows = await db.Assignments.AsNoTracking()
            .Where(a => a.JudgeUserId == judgeId && roundIds.Contains(a.RoundId))
            .Where(a => !db.ConflictDeclarations.Any(c => c.JudgeUserId == judgeId && c.SubmissionId == a.SubmissionId && c.Status != ConflictStatus.Dismissed))
            .GroupBy(a => a.RoundId)
            .Select(g => new { RoundId = g.Key, Assigned = g.Count(), Submitted = g.Count(a => a.Review != null && a.Review.Status == ReviewStatus.Submitted) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RoundProgress(r.RoundId, r.Submitted, r.Assigned)).ToList();
    }

    public async Task<RoundProgress> ForRoundAsync(string judgeId, int roundId, CancellationToken cancellationToken = default) =>
        (await ForJudgeAsync(judgeId, [roundId], cancellationToken)).SingleOrDefault() ?? new RoundProgress(roundId, 0, 0);
}
