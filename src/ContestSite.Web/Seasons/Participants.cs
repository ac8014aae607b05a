using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Seasons;

/// <summary>Who takes part in a contest: a person is in at most one team per contest.</summary>
public static class Participants
{
    public static Task<int?> TeamIdOfPersonAsync(this ContestDbContext db, int contestId, string userId) =>
        db.TeamMembers.Where(m => m.ContestId == contestId && m.UserId == userId).Select(m => (int?)m.TeamId).FirstOrDefaultAsync();
}
