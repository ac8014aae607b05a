using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>An organizer approves a submitted team or rejects it with a reason; the members are emailed.</summary>
public sealed class DecideTeam(ContestDbContext db, TeamWriter writer, TeamEmails emails, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(int teamId, bool approve, string? reason)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!approve && reason is null) return RuleResult.Refuse("请填写不通过的原因，团队会在邮件中看到");
        if (reason is { Length: > 1000 }) return RuleResult.Refuse("原因不能超过 1000 个字符");
        var result = await writer.SaveAsync(async () =>
        {
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanDecide(team);
            if (!allowed.Allowed) return allowed;
            team.Status = approve ? TeamStatus.Approved : TeamStatus.Rejected;
            team.DecisionReason = reason;
            team.DecidedAt = clock.GetUtcNow();
            await emails.EnqueueDecisionAsync(team, approve, reason);
            return RuleResult.Ok;
        }, () => new AuditEvent(approve ? "team.approved" : "team.rejected", $"team:{teamId}", "ok", reason));
        return result;
    }
}
