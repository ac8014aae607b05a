using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain submits the team to the organizers for approval.</summary>
public sealed class SubmitTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string captainId)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanSubmit(team, contest, captainId, now);
            if (!allowed.Allowed) return allowed;
            team.Status = TeamStatus.Submitted;
            team.SubmittedAt = now;
            return RuleResult.Ok;
        }, () => new AuditEvent("team.status-changed", $"team:{teamId}", "ok", "status=Submitted"));
        return result;
    }
}
