using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>A member who is not the captain leaves the team.</summary>
public sealed class LeaveTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string userId)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanLeave(team, contest, userId, clock.GetUtcNow());
            if (!allowed.Allowed) return allowed;
            db.TeamMembers.Remove(team.MemberFor(userId)!);
            return RuleResult.Ok;
        }, () => new AuditEvent("team.member-left", $"team:{teamId}", "ok", $"user={userId}"));
        return result;
    }
}
