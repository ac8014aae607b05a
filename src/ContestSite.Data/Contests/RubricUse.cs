using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Data;

/// <summary>How far judging of a round has gone, read for <see cref="RubricLock"/>.</summary>
public sealed record RubricUse(bool AnyScores, bool ResultsPublished)
{
    public static async Task<RubricUse> ReadAsync(ContestDbContext db, int roundId, CancellationToken cancellationToken)
    {
        var anyScores = await db.CriterionScores.AnyAsync(s => db.RubricCriteria.Any(c => c.Id == s.CriterionId && c.RoundId == roundId), cancellationToken);
        var published = await db.ResultsPublications.AnyAsync(p => p.RoundId == roundId
            && (p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final), cancellationToken);
        return new RubricUse(anyScores, published);
    }

    public RuleResult CanChangeScoring(Round round, DateTimeOffset now) => RubricLock.CanChangeScoring(round, AnyScores, ResultsPublished, now);
}
