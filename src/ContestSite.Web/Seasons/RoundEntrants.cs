using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Seasons;

/// <summary>
/// Who may enter a round: the contest's first round (lowest sequence) is open to every approved team, a later
/// round only to the teams advanced into it (an <c>Advancement</c> whose next round it is). Withdrawing the
/// advancement takes the right away again. Submissions ask before every entry action; judging asks before
/// assigning and ranking.
/// </summary>
public static class RoundEntrants
{
    public static Task<bool> IsFirstRoundAsync(this ContestDbContext db, Round round, CancellationToken cancellationToken = default)
    {
        var (contestId, sequence) = (round.ContestId, round.Sequence);
        return db.Rounds.AllAsync(r => r.ContestId != contestId || r.Sequence >= sequence, cancellationToken);
    }

    public static async Task<bool> MayEnterAsync(this ContestDbContext db, Round round, int teamId, CancellationToken cancellationToken = default)
    {
        var roundId = round.Id;
        return await db.IsFirstRoundAsync(round, cancellationToken)
            || await db.Advancements.AnyAsync(a => a.NextRoundId == roundId && a.TeamId == teamId, cancellationToken);
    }

    /// <summary>The entries of <paramref name="submissions"/> whose team may enter <paramref name="round"/>; one query, for both providers.</summary>
    public static IQueryable<Submission> OfEntrants(this IQueryable<Submission> submissions, ContestDbContext db, Round round)
    {
        var (roundId, contestId, sequence) = (round.Id, round.ContestId, round.Sequence);
        return submissions.Where(s => !db.Rounds.Any(r => r.ContestId == contestId && r.Sequence < sequence)
            || db.Advancements.Any(a => a.NextRoundId == roundId && a.TeamId == s.TeamId));
    }
}
