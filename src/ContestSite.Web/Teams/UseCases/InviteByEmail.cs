using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain sends the invite link to an email address; the mail goes through the outbox.</summary>
public sealed class InviteByEmail(ContestDbContext db, TeamWriter writer, TeamEmails emails, TimeProvider clock)
{
    /// <param name="joinLink">Builds the absolute join link for an invite code.</param>
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string captainId, string email, Func<string, string> joinLink)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanManageInvites(team, contest, captainId, now);
            if (!allowed.Allowed) return allowed;
            var code = TeamRules.CheckInviteCode(team.InviteCode is null ? null : team, now);
            if (!code.Allowed) return RuleResult.Refuse("当前邀请码已失效，请先生成新的邀请码");
            var captain = team.Captain!;
            await emails.EnqueueInvitationAsync(email.Trim(), team, captain.RealName, joinLink(team.InviteCode!), team.InviteCodeExpiresAt!.Value);
            return RuleResult.Ok;
        }, () => new AuditEvent("team.invited", $"team:{teamId}", "ok", $"email={email.Trim()}"));
        return result;
    }
}
