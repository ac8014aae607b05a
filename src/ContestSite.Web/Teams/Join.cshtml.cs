using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Teams.UseCases;
using ContestSite.Web.Throttling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>Joining by invite link (<c>/teams/join/CODE</c>) or by a typed code.</summary>
[RequirePermission(TeamPermissions.Participate)]
[Throttle(ThrottleRules.InviteCode, GuessedRouteValue = "code")]
public sealed class JoinModel(ContestDbContext db, CurrentContest current, JoinTeam joinTeam, TimeProvider clock, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public MemberDetailsInput Me { get; set; } = new();
    public string? TeamName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return NotFound();
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Code)) return Page();
        var code = InviteCodes.Clean(Code);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.ContestId == Contest.Id && t.InviteCode == code);
        var valid = TeamRules.CheckInviteCode(team, clock.GetUtcNow());
        if (valid.Allowed) TeamName = team!.Name;
        else ShowRefusal(valid);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        var (result, teamId) = await joinTeam.RunAsync(Contest, UserId, Code, Me);
        if (!result.Allowed)
        {
            ShowRefusal(result);
            return Page();
        }
        Announce("您已加入团队。");
        return Redirect($"/teams/{teamId}");
    }
}
