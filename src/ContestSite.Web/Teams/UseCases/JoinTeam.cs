using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>A person joins a team with its invite code (typed, or from the invite link).</summary>
public sealed class JoinTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<(RuleResult Result, int? TeamId)> RunAsync(Contest contest, string userId, string? typedCode, MemberDetailsInput details)
    {
        var code = InviteCodes.Clean(typedCode);
        int? joined = null;
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var team = code.Length == 0 ? null
                : await db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.ContestId == contest.Id && t.InviteCode == code);
            var validCode = TeamRules.CheckInviteCode(team, now);
            if (!validCode.Allowed) return validCode;
            var allowed = TeamRules.CanJoin(team!, contest, await db.PersonHasTeamAsync(contest.Id, userId), now);
            if (!allowed.Allowed) return allowed;
            team!.Members.Add(details.ToMember(team, userId, TeamRole.Member, now));
            joined = team.Id;
            return RuleResult.Ok;
        }, () => new AuditEvent("team.member-joined", $"team:{joined}", "ok", $"user={userId}; by=invite-code"));
        if (!result.Allowed) return (result, null);
        return (result, joined);
    }
}
