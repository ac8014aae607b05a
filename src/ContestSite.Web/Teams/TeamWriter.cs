using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Teams;

/// <summary>
/// Saves a change to teams so that two people acting at the same moment cannot both win: every team the
/// change loaded has its <see cref="Team.Version"/> raised, so the second save finds the version moved
/// (or a unique index taken), and the change is decided again on fresh data, where the rules refuse it.
/// </summary>
public sealed class TeamWriter(ContestDbContext db, IAuditLog audit, ILogger<TeamWriter> logger)
{
    private const int MaxAttempts = 4;

    /// <param name="change">Loads what it needs with tracking, checks the rules and makes the change; may run more than once.</param>
    /// <param name="describe">The audit entry of an allowed change, written in the same transaction.</param>
    public async Task<RuleResult> SaveAsync(Func<Task<RuleResult>> change, Func<AuditEvent> describe, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var result = await change();
            if (!result.Allowed)
            {
                db.ChangeTracker.Clear();
                return result;
            }
            foreach (var team in db.ChangeTracker.Entries<Team>()) team.Entity.Version++;
            try
            {
                await audit.AppendAsync(describe, cancellationToken);
                return result;
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    logger.LogWarning(ex, "A team change still conflicted after {Attempts} attempts", attempt);
                    return RuleResult.Refuse("团队刚被其他人修改，请刷新页面后重试");
                }
                logger.LogInformation("A team change conflicted with another one (attempt {Attempt}); deciding again", attempt);
            }
        }
    }
}
