using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>Reads where a round stands (<see cref="RoundLifecycle"/>) from its dates and its current results publication.</summary>
[ExtensionPoint]
public sealed class RoundStates(ContestDbContext db, TimeProvider clock)
{
    /// <summary>The publication the public sees now (provisional or final), or null before results are published.</summary>
    public Task<ResultsPublication?> CurrentPublicationAsync(int roundId, CancellationToken cancellationToken = default) =>
        db.ResultsPublications.AsNoTracking()
            .Where(p => p.RoundId == roundId && (p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final))
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task<RoundPhase> PhaseAsync(Round round, CancellationToken cancellationToken = default) =>
        RoundLifecycle.PhaseOf(round, (await CurrentPublicationAsync(round.Id, cancellationToken))?.Status, clock.GetUtcNow());

    /// <summary>
    /// Takes the round's lock for the caller's transaction (an UPDATE of its row, which waits for any other
    /// holder on PostgreSQL and takes the write lock on SQLite), then reads the round and its current publication
    /// as they are under the lock: every life-cycle step decides on this reading.
    /// </summary>
    public async Task<(Round Round, ResultsPublication? Current)> LockAsync(int roundId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A round is locked only inside a transaction.");
        await db.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Sequence, r => r.Sequence), cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.SortOrder)).SingleAsync(r => r.Id == roundId, cancellationToken);
        return (round, await CurrentPublicationAsync(roundId, cancellationToken));
    }

    /// <summary>Until when an organizer reopened review for one entry, if they did.</summary>
    public async Task<DateTimeOffset?> EntryReopenedUntilAsync(int roundId, int submissionId, CancellationToken cancellationToken = default)
    {
        var ends = await db.ReviewReopenings.AsNoTracking().Where(r => r.RoundId == roundId && r.SubmissionId == submissionId)
            .Select(r => r.ClosesAt).ToListAsync(cancellationToken);
        return ends.Count == 0 ? null : ends.Max();
    }

    /// <summary>Whether judges may change scores on this entry now (<see cref="RoundLifecycle.CanScore"/>).</summary>
    public async Task<RuleResult> CanScoreAsync(Round round, int submissionId, CancellationToken cancellationToken = default) =>
        RoundLifecycle.CanScore(round, (await CurrentPublicationAsync(round.Id, cancellationToken))?.Status,
            await EntryReopenedUntilAsync(round.Id, submissionId, cancellationToken), clock.GetUtcNow());
}
