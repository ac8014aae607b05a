using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>Removes a criterion from a round's rubric.</summary>
public sealed class DeleteCriterion(ContestDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such round or criterion.</summary>
    public async Task<ChangeResult?> DeleteAsync(int roundId, int criterionId, CancellationToken cancellationToken = default)
    {
        var round = await db.Rounds.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var target = round?.Criteria.FirstOrDefault(c => c.Id == criterionId);
        if (round is null || target is null) return null;
        var allowed = (await RubricUse.ReadAsync(db, roundId, cancellationToken)).CanChangeScoring(round, clock.GetUtcNow());
        if (!allowed.Allowed) return ChangeResult.Refuse(allowed);
        round.Criteria.Remove(target);
        await audit.AppendAsync(() => new AuditEvent("contest.rubric-deleted", $"round:{round.Id}", "ok", target.Name), CancellationToken.None);
        return ChangeResult.Done(criterionId);
    }
}
