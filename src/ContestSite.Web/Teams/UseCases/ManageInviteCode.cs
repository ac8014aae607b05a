using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain gives the team a new invite code (the old one stops working) or stops the current one.</summary>
public sealed class ManageInviteCode(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public Task<RuleResult> RenewAsync(Contest contest, int teamId, string captainId) =>
        ChangeAsync(contest, teamId, captainId, "team.invite-renewed", (team, now) => InviteCodes.Renew(team, now));

    public Task<RuleResult> RevokeAsync(Contest contest, int teamId, string captainId) =>
        ChangeAsync(contest, teamId, captainId, "team.invite-revoked", (team, now) => team.InviteCodeRevokedAt = now);

    private async Task<RuleResult> ChangeAsync(Contest contest, int teamId, string captainId, string action, Action<Team, DateTimeOffset> change)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanManageInvites(team, contest, captainId, now);
            if (!allowed.Allowed) return allowed;
            change(team, now);
            return RuleResult.Ok;
        }, () => new AuditEvent(action, $"team:{teamId}", "ok"));
        return result;
    }
}
