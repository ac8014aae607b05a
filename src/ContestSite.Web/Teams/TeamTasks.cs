using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Admin;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Teams;

/// <summary>Teams' part of the organizers' inbox: teams of the current contest submitted for approval.</summary>
public sealed class TeamTasks(ContestDbContext db, CurrentContest current) : IOrganizerTaskSource
{
    public async Task<IReadOnlyList<OrganizerTask>> PendingAsync(CancellationToken cancellationToken)
    {
        var contestId = await current.FindIdAsync(cancellationToken);
        if (contestId is null) return [];
        var waiting = await db.Teams.CountAsync(t => t.ContestId == contestId && t.Status == TeamStatus.Submitted, cancellationToken);
        return [new("teams.awaiting-approval", "待审核的团队：{0} 支", waiting, "/admin/teams?status=Submitted", TeamPermissions.ManageTeams)];
    }
}
