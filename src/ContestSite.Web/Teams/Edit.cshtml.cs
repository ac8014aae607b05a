using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>The captain's form for the team's details; people outside the team get 404.</summary>
[RequirePermission(TeamPermissions.Participate)]
public sealed class EditModel(ContestDbContext db, CurrentContest current, EditTeam editTeam, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty] public TeamDetailsInput Team { get; set; } = new();
    public int TeamId { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        if (await LoadAsync(id) is { } notFound) return notFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id)
    {
        var posted = Team;
        if (await LoadAsync(id) is { } notFound) return notFound;
        Team = posted;
        if (!ModelState.IsValid) return Page();
        var result = await editTeam.RunAsync(Contest!, id, UserId, Team);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("团队信息已保存。");
        return Redirect($"/teams/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Contest = await current.FindAsync();
        var team = Contest is null ? null : await db.TeamWithMembersAsync(id);
        if (team is null || team.ContestId != Contest!.Id || team.MemberFor(UserId) is null) return NotFound();
        TeamId = team.Id;
        Team = TeamDetailsInput.From(team);
        return null;
    }
}
