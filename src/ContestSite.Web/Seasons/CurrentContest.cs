using ContestSite.Core.Contests;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Seasons;

/// <summary>Finds the contest that the site is running now.</summary>
public sealed class CurrentContest(ContestDbContext db)
{
    public Task<Contest?> FindAsync(CancellationToken cancellationToken = default) =>
        db.Contests.Include(c => c.Tracks.OrderBy(t => t.SortOrder)).Include(c => c.Rounds.OrderBy(r => r.Sequence)).ThenInclude(r => r.Criteria.OrderBy(x => x.SortOrder))
            .AsSplitQuery().OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The same contest's id alone, for counts that need nothing else.</summary>
    public async Task<int?> FindIdAsync(CancellationToken cancellationToken = default) =>
        await db.Contests.OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.Year).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
}
