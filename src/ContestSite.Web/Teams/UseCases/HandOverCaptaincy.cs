using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain makes another member captain and becomes a member.</summary>
public sealed class HandOverCaptaincy(ContestDbContext db, TeamWriter writer)
{
    public async Task<RuleResult> RunAsync(int teamId, string captainId, string newCaptainUserId)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanHandOver(team, captainId, newCaptainUserId);
            if (!allowed.Allowed) return allowed;
            team.MemberFor(captainId)!.Role = TeamRole.Member;
            team.MemberFor(newCaptainUserId)!.Role = TeamRole.Captain;
            return RuleResult.Ok;
        }, () => new AuditEvent("team.captain-changed", $"team:{teamId}", "ok", $"from={captainId}; to={newCaptainUserId}"));
        return result;
    }
}
