using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain accepts a request (the person joins, if the rules still allow it) or declines it.</summary>
public sealed class AnswerJoinRequest(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string captainId, int requestId, bool accept)
    {
        string? requesterId = null;
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            if (!team.IsCaptain(captainId)) return RuleResult.Refuse("只有队长可以进行此操作");
            var request = team.JoinRequests.FirstOrDefault(r => r.Id == requestId && r.Status == JoinRequestStatus.Pending);
            if (request is null) return RuleResult.Refuse("该申请不存在或已处理");
            requesterId = request.UserId;
            if (accept)
            {
                var allowed = TeamRules.CanJoin(team, contest, await db.PersonHasTeamAsync(contest.Id, request.UserId), now);
                if (!allowed.Allowed) return allowed;
                team.Members.Add(new TeamMember
                {
                    TeamId = team.Id, ContestId = team.ContestId, UserId = request.UserId, Role = TeamRole.Member, JoinedAt = now,
                    RealName = request.RealName, Phone = request.Phone, Organization = request.Organization,
                });
            }
            request.Status = accept ? JoinRequestStatus.Accepted : JoinRequestStatus.Declined;
            request.AnsweredAt = now;
            return RuleResult.Ok;
        }, () => new AuditEvent(accept ? "team.member-joined" : "team.join-declined", $"team:{teamId}", "ok",
                $"user={requesterId}; by=join-request:{requestId}"));
        return result;
    }
}
