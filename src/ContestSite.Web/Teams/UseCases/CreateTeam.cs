using ContestSite.Core.Contests;
using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Audit;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>A signed-in person creates a team during registration and becomes its captain.</summary>
public sealed class CreateTeam(ContestDbContext db, TeamWriter writer, TimeProvider clock)
{
    public async Task<(RuleResult Result, Team? Team)> RunAsync(Contest contest, string userId, TeamDetailsInput details, MemberDetailsInput captain)
    {
        Team? created = null;
        var result = await writer.SaveAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var allowed = TeamRules.CanCreate(contest, await db.PersonHasTeamAsync(contest.Id, userId), now);
            if (!allowed.Allowed) return allowed;
            var checkedDetails = await TeamDetailsCheck.CheckAsync(db, contest, details);
            if (!checkedDetails.Allowed) return checkedDetails;
            created = new Team
            {
                ContestId = contest.Id, Name = "", NameKey = "", OrganizationName = "", CreatedAt = now,
            };
            TeamDetailsCheck.Apply(created, details);
            InviteCodes.Renew(created, now);
            created.Members.Add(captain.ToMember(created, userId, TeamRole.Captain, now));
            db.Teams.Add(created);
            return RuleResult.Ok;
        }, () => new AuditEvent("team.created", $"team:{created!.Id}", "ok", $"name={created.Name}; captain={userId}"));
        if (!result.Allowed) return (result, null);
        return (result, created);
    }
}

/// <summary>The checks of a team's name and track that need the database, and copying the form onto the team.</summary>
public static class TeamDetailsCheck
{
    public static async Task<RuleResult> CheckAsync(ContestDbContext db, Contest contest, TeamDetailsInput details, int? teamId = null)
    {
        var name = details.Name.Trim();
        if (name.Length == 0) return RuleResult.Refuse("请填写团队名称");
        if (contest.Tracks.All(t => t.Id != details.TrackId)) return RuleResult.Refuse("请选择本届赛事的赛道");
        if (await db.NameTakenAsync(contest.Id, name, teamId))
            return RuleResult.Refuse("团队名称“{0}”已被使用（不区分大小写和全角半角），请换一个名称", name);
        return RuleResult.Ok;
    }

    public static void Apply(Team team, TeamDetailsInput details)
    {
        team.Name = details.Name.Trim();
        team.NameKey = TeamNames.Normalize(team.Name);
        team.TrackId = details.TrackId!.Value;
        team.Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        team.OrganizationType = details.OrganizationType!.Value;
        team.OrganizationName = details.OrganizationName.Trim();
    }
}
