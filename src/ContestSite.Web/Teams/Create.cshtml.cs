using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

[RequirePermission(TeamPermissions.Participate)]
public sealed class CreateModel(CurrentContest current, CreateTeam createTeam, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty] public TeamDetailsInput Team { get; set; } = new();
    [BindProperty] public MemberDetailsInput Me { get; set; } = new();

    public async Task OnGetAsync() => Contest = await current.FindAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (result, team) = await createTeam.RunAsync(Contest, UserId, Team, Me);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("团队已创建。把邀请码或邀请链接发给队友，他们就能加入。");
        return Redirect($"/teams/{team!.Id}");
    }
}
