using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>An organizer moves a member from one team to another, also after the roster lock.</summary>
public sealed class MoveMember(ContestDbContext db, TeamWriter writer)
{
    public async Task<RuleResult> RunAsync(Contest contest, int fromTeamId, string memberUserId, int toTeamId)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var from = await db.TeamWithMembersAsync(fromTeamId);
            var to = await db.TeamWithMembersAsync(toTeamId);
            if (from is null || to is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanMoveMember(from, to, contest, memberUserId);
            if (!allowed.Allowed) return allowed;
            // Changing the key moves the row; taking it out of the old collection would delete it as an orphan.
            from.MemberFor(memberUserId)!.TeamId = to.Id;
            return RuleResult.Ok;
        }, () => new AuditEvent("team.member-moved", $"team:{fromTeamId}", "ok", $"user={memberUserId}; to=team:{toTeamId}"));
        return result;
    }
}
