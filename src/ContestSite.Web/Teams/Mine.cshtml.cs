using ContestSite.Data;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams;

/// <summary>Takes a member to their team's page, and shows everyone else how to create or join one.</summary>
[RequirePermission(TeamPermissions.Participate)]
public sealed class MineModel(ContestDbContext db, CurrentContest current, IStringLocalizerFactory localizers) : ContestPageModel(localizers)
{
    public async Task<IActionResult> OnGetAsync()
    {
        Contest = await current.FindAsync();
        if (Contest is not null && await db.TeamIdOfPersonAsync(Contest.Id, UserId) is { } teamId)
            return Redirect($"/teams/{teamId}");
        return Page();
    }
}
