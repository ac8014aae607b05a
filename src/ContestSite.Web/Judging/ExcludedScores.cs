using ContestSite.Core.Judging;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>A score an organizer excluded (an upheld conflict): shown to organizers and in exports, marked, never counted.</summary>
public sealed record ExcludedScore(
    int ReviewId, string JudgeId, string JudgeName, string JudgeEmail, int EntryId, ReviewStatus Status, decimal? Total,
    IReadOnlyDictionary<int, decimal> Scores, string? Reason, DateTimeOffset ExcludedAt);

/// <summary>Reads a round's excluded scores, once per request and round (the results page asks for each entry).</summary>
public sealed class ExcludedScores(ContestDbContext db)
{
    private readonly Dictionary<int, IReadOnlyList<ExcludedScore>> _rounds = [];

    public async Task<IReadOnlyList<ExcludedScore>> OfRoundAsync(int roundId, CancellationToken cancellationToken = default)
    {
        if (_rounds.TryGetValue(roundId, out var known)) return known;
        var rows = await db.Reviews.AsNoTracking().Where(r => r.ExcludedAt != null)
            .Join(db.Assignments.Where(a => a.RoundId == roundId), r => r.AssignmentId, a => a.Id, (r, a) => new { Review = r, a.JudgeUserId, a.SubmissionId })
            .Join(db.Users, x => x.JudgeUserId, u => u.Id, (x, u) => new
            {
                x.Review.Id, x.JudgeUserId, u.DisplayName, u.Email, x.SubmissionId, x.Review.Status, x.Review.Total, x.Review.ExclusionReason, x.Review.ExcludedAt,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = (await db.CriterionScores.AsNoTracking().Where(s => ids.Contains(s.ReviewId)).ToListAsync(cancellationToken)).ToLookup(s => s.ReviewId);
        IReadOnlyList<ExcludedScore> excluded = rows.OrderBy(r => r.SubmissionId).ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new ExcludedScore(r.Id, r.JudgeUserId, r.DisplayName, r.Email ?? "", r.SubmissionId, r.Status, r.Total,
                scores[r.Id].ToDictionary(s => s.CriterionId, s => s.Value), r.ExclusionReason, r.ExcludedAt!.Value))
            .ToList();
        _rounds[roundId] = excluded;
        return excluded;
    }
}
