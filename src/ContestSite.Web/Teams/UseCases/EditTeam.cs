using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>The captain changes the team's name, track, description or organization.</summary>
public sealed class EditTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(Contest contest, int teamId, string userId, TeamDetailsInput details)
    {
        var result = await writer.SaveAsync(async () =>
        {
            var team = await db.TeamWithMembersAsync(teamId);
            if (team is null) return RuleResult.Refuse("团队不存在");
            var allowed = TeamRules.CanEdit(team, contest, userId, clock.GetUtcNow());
            if (!allowed.Allowed) return allowed;
            var checkedDetails = await TeamDetailsCheck.CheckAsync(db, contest, details, team.Id);
            if (!checkedDetails.Allowed) return checkedDetails;
            TeamDetailsCheck.Apply(team, details);
            return RuleResult.Ok;
        }, () => new AuditEvent("team.edited", $"team:{teamId}", "ok", $"name={details.Name.Trim()}; track={details.TrackId}"));
        return result;
    }
}
