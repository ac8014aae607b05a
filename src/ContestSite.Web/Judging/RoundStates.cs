using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>Reads where a round stands (<see cref="RoundLifecycle"/>) from its dates and its current results publication.</summary>
public sealed class RoundStates(ContestDbContext db, TimeProvider clock)
{
    /// <summary>The publication the public sees now (provisional or final), or null before results are published.</summary>
    public Task<ResultsPublication?> CurrentPublicationAsync(int roundId, CancellationToken cancellationToken = default) =>
        db.ResultsPublications.AsNoTracking()
            .Where(p => p.RoundId == roundId && (p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final))
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task<RoundPhase> PhaseAsync(Round round, CancellationToken cancellationToken = default) =>
        RoundLifecycle.PhaseOf(round, (await CurrentPublicationAsync(round.Id, cancellationToken))?.Status, clock.GetUtcNow());

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
