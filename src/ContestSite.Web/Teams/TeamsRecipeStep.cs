using System.Text.Json;
using ContestSite.Core.Contests;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Localization;
using ContestSite.Web.Setup;
using ContestSite.Web.Teams.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Teams;

/// <summary>
/// <c>{"step":"teams","year":2026,"teams":[{"name":"…","track":"…","organizationType":"School","organizationName":"…",
/// "captain":{"email":…,"realName":…,"phone":…,"organization":…},"members":[…],"status":"Approved"}]}</c>: teams made the way
/// people make them on the site (the captain creates, members join with the invite code, the captain submits, an organizer
/// approves), so a demo team obeys every rule a real one does. The accounts must exist; a team that exists is left alone.
/// </summary>
public sealed class TeamsRecipeStep(ContestDbContext db, UserManager<SiteUser> users, CreateTeam create, JoinTeam join, SubmitTeam submit, DecideTeam decide) : IRecipeStep
{
    public string Name => "teams";

    public async Task ExecuteAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var contest = await RecipeContests.FindAsync(db, step, Name, context, cancellationToken);
        var made = 0;
        foreach (var item in RecipeJson.Array(step, "teams"))
        {
            var name = RecipeJson.RequiredString(item, "name", Name);
            if (await db.Teams.AnyAsync(t => t.ContestId == contest.Id && t.NameKey == TeamNames.Normalize(name), cancellationToken)) continue;
            var trackName = RecipeJson.RequiredString(item, "track", Name);
            var track = contest.Tracks.FirstOrDefault(t => t.Name == trackName) ?? throw new RecipeStepException($"团队“{name}”：赛事中没有赛道“{trackName}”");
            var details = new TeamDetailsInput
            {
                Name = name, TrackId = track.Id, Description = RecipeJson.OptionalString(item, "description"),
                OrganizationType = Enum.TryParse<OrganizationType>(RecipeJson.RequiredString(item, "organizationType", Name), out var type) ? type
                    : throw new RecipeStepException($"团队“{name}”：organizationType 须为 {string.Join("、", Enum.GetNames<OrganizationType>())} 之一"),
                OrganizationName = RecipeJson.RequiredString(item, "organizationName", Name),
            };
            var (captainId, captain) = await PersonAsync(RecipeJson.Object(item, "captain", Name), name);
            var (created, team) = await create.RunAsync(contest, captainId, details, captain);
            Check(created, name);
            foreach (var memberItem in RecipeJson.Array(item, "members"))
            {
                var (memberId, member) = await PersonAsync(memberItem, name);
                Check((await join.RunAsync(contest, memberId, team!.InviteCode, member)).Result, name);
            }
            var status = RecipeJson.OptionalString(item, "status") ?? nameof(TeamStatus.Approved);
            if (status is nameof(TeamStatus.Submitted) or nameof(TeamStatus.Approved)) Check(await submit.RunAsync(contest, team!.Id, captainId), name);
            if (status == nameof(TeamStatus.Approved)) Check(await decide.RunAsync(team!.Id, approve: true, reason: null), name);
            made++;
        }
        context.Messages.Add($"团队：新建 {made} 个");
    }

    private async Task<(string UserId, MemberDetailsInput Details)> PersonAsync(JsonElement person, string team)
    {
        var email = RecipeJson.RequiredString(person, "email", Name);
        var user = await users.FindByEmailAsync(email) ?? throw new RecipeStepException($"团队“{team}”：没有账号 {email}（先在 accounts 步骤中建立）");
        return (user.Id, new MemberDetailsInput
        {
            RealName = RecipeJson.RequiredString(person, "realName", Name),
            Phone = RecipeJson.RequiredString(person, "phone", Name),
            Organization = RecipeJson.RequiredString(person, "organization", Name),
        });
    }

    private static void Check(Core.Rules.RuleResult result, string team)
    {
        if (!result.Allowed) throw new RecipeStepException($"团队“{team}”：{RuleText.Format(result)}");
    }
}
