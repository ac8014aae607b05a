using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>An organizer disqualifies a team (with a reason) or restores it to where it stood before.</summary>
public sealed class DisqualifyTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> DisqualifyAsync(int teamId, string? reason)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null) return RuleResult.Refuse("请填写取消资格的原因");
        if (reason.Length > 1000) return RuleResult.Refuse("原因不能超过 1000 个字符");
        var result = await ChangeAsync(teamId, team =>
        {
            var allowed = TeamRules.CanDisqualify(team);
            if (!allowed.Allowed) return allowed;
            team.StatusBeforeDisqualification = team.Status;
            team.Status = TeamStatus.Disqualified;
            team.DecisionReason = reason;
            return RuleResult.Ok;
        }, () => new AuditEvent("team.disqualified", $"team:{teamId}", "ok", reason));
        return result;
    }

    public async Task<RuleResult> RestoreAsync(int teamId)
    {
        TeamStatus restored = TeamStatus.Draft;
        var result = await ChangeAsync(teamId, team =>
        {
            var allowed = TeamRules.CanRestore(team);
            if (!allowed.Allowed) return allowed;
            restored = team.Status = team.StatusBeforeDisqualification ?? TeamStatus.Submitted;
            team.StatusBeforeDisqualification = null;
            team.DecisionReason = null;
            return RuleResult.Ok;
        }, () => new AuditEvent("team.restored", $"team:{teamId}", "ok", $"status={restored}"));
        return result;
    }

    private Task<RuleResult> ChangeAsync(int teamId, Func<Team, RuleResult> change, Func<AuditEvent> describe) => writer.SaveAsync(async () =>
    {
        var team = await db.TeamWithMembersAsync(teamId);
        if (team is null) return RuleResult.Refuse("团队不存在");
        var result = change(team);
        if (result.Allowed) team.DecidedAt = clock.GetUtcNow();
        return result;
    }, describe);
}
