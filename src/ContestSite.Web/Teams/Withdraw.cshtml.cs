using ContestSite.Core.Rules;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Localization;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>
/// The confirmation before 退赛, without JavaScript: it names the consequence, and its button posts the confirmation
/// to the team page's Withdraw handler (which refuses a post without it). People outside the team get 404.
/// </summary>
[RequirePermission(TeamPermissions.Participate)]
public sealed class WithdrawModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public Team Team { get; private set; } = null!;
    /// <summary>Why this person cannot withdraw the team, or null when they can.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        Contest = await current.FindAsync();
        var team = Contest is null ? null : await db.TeamWithMembersAsync(id);
        if (team is null || team.ContestId != Contest!.Id || team.MemberFor(UserId) is null) return NotFound();
        Team = team;
        var allowed = TeamRules.CanWithdraw(team, UserId);
        Refusal = allowed.Allowed ? null : Text.Localize(allowed);
        return Page();
    }
}
