using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain removes a member from the team.</summary>
public sealed class RemoveMember(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string captainId, string memberUserId)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanRemove(team, contest, captainId, memberUserId, clock.GetUtcNow());
            if (!allowed.Allowed) return allowed;
            db.TeamMembers.Remove(team.MemberFor(memberUserId)!);
            return RuleResult.Ok;
        }, () => new AuditEvent("team.member-removed", $"team:{teamId}", "ok", $"user={memberUserId}"));
        return result;
    }
}
