using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>A person asks a team to take them in; the captain answers on the team page.</summary>
public sealed class RequestToJoin(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string userId, MemberDetailsInput details, string? message)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null || team.ContestId != contest.Id) return RuleResult.Refuse("团队不存在");
            var pending = team.JoinRequests.Any(r => r.UserId == userId && r.Status == JoinRequestStatus.Pending);
            var allowed = TeamRules.CanRequestToJoin(team, contest, await db.PersonHasTeamAsync(contest.Id, userId), pending, now);
            if (!allowed.Allowed) return allowed;
            team.JoinRequests.Add(new JoinRequest
            {
                TeamId = team.Id, UserId = userId, CreatedAt = now,
                RealName = details.RealName.Trim(), Phone = details.Phone.Trim(), Organization = details.Organization.Trim(),
                Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            });
            return RuleResult.Ok;
        }, () => new AuditEvent("team.join-requested", $"team:{teamId}", "ok", $"user={userId}"));
        return result;
    }
}
