using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain withdraws the team from the contest; its invite code stops working.</summary>
public sealed class WithdrawTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int teamId, string captainId)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanWithdraw(team, captainId);
            if (!allowed.Allowed) return allowed;
            team.Status = TeamStatus.Withdrawn;
            team.InviteCodeRevokedAt ??= clock.GetUtcNow();
            return RuleResult.Ok;
        }, () => new AuditEvent("team.status-changed", $"team:{teamId}", "ok", "status=Withdrawn"));
        return result;
    }
}
