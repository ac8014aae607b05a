using ContestSite.Core.Teams;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Teams;

/// <summary>The few ways teams are looked up, shared by pages and use cases.</summary>
public static class TeamQueries
{
    public static Task<Team?> TeamWithMembersAsync(this ContestDbContext db, int teamId) =>
        db.Teams.Include(t => t.Members).Include(t => t.JoinRequests).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == teamId);

    public static Task<bool> PersonHasTeamAsync(this ContestDbContext db, int contestId, string userId) =>
        db.TeamMembers.AnyAsync(m => m.ContestId == contestId && m.UserId == userId);

    public static Task<bool> NameTakenAsync(this ContestDbContext db, int contestId, string name, int? exceptTeamId = null)
    {
        var key = TeamNames.Normalize(name);
        return db.Teams.AnyAsync(t => t.ContestId == contestId && t.NameKey == key && t.Id != exceptTeamId);
    }
}
