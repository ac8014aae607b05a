using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// Records the entries that go on to the next round: the top of each track by the round's ranking (a count
/// or a share), or one entry by hand. The next round's submissions, assignments and ranking read
/// <see cref="Advancement"/> (<see cref="Seasons.RoundEntrants"/>). Advancing, or withdrawing an advancement, is
/// decided from a closed review only, and never once the round's results are final.
/// </summary>
public sealed class AdvanceEntries(ContestDbContext db, RoundResults results, RoundStates states, IAuditLog audit, TimeProvider clock)
{
    public async Task<(RuleResult Result, int Added)> TopAsync(Contest contest, Round round, CancellationToken cancellationToken = default)
    {
        var phase = Decide(await states.PhaseAsync(round, cancellationToken));
        if (!phase.Allowed) return (phase, 0);
        var report = await results.ReportAsync(round, cancellationToken);
        var chosen = new List<ResultRow>();
        foreach (var track in report.Rows.Where(r => r.Outcome.RawMean is not null).GroupBy(r => r.TrackId))
        {
            var count = Ranking.AdvancingCount(track.Count(), round.AdvanceCount, report.Settings.AdvanceSharePercent);
            chosen.AddRange(track.OrderBy(r => r.Outcome.Ranked.Rank).Take(count));
        }
        if (chosen.Count == 0) return (RuleResult.Refuse("没有可以晋级的作品：请先设置晋级数量，并等评委提交评分"), 0);
        return await AddAsync(contest, round, chosen, cancellationToken);
    }

    public async Task<RuleResult> OneAsync(Contest contest, Round round, int submissionId, bool advance, CancellationToken cancellationToken = default)
    {
        var phase = Decide(await states.PhaseAsync(round, cancellationToken));
        if (!phase.Allowed) return phase;
        if (!advance)
            return await db.InTransactionAsync(async () =>
            {
                var locked = await LockedDecisionAsync(round, cancellationToken);
                if (!locked.Allowed) return locked;
                var removed = await db.Advancements.Where(a => a.RoundId == round.Id && a.SubmissionId == submissionId).ExecuteDeleteAsync(cancellationToken);
                if (removed > 0) await audit.AppendAsync(new AuditEvent("judging.advancement-withdrawn", $"submission:{submissionId}", "ok", $"round={round.Id}"), cancellationToken);
                return RuleResult.Ok;
            }, cancellationToken);
        var row = (await results.ReportAsync(round, cancellationToken)).Rows.FirstOrDefault(r => r.EntryId == submissionId);
        if (row is null) return RuleResult.Refuse("作品 {0} 不是本轮已定稿的作品", submissionId);
        return (await AddAsync(contest, round, [row], cancellationToken)).Result;
    }

    private static RuleResult Decide(RoundPhase phase) => phase switch
    {
        RoundPhase.Final => RuleResult.Refuse("结果已确定，不能再更改"),
        < RoundPhase.ReviewClosed => RuleResult.Refuse("评审尚未截止，不能确定晋级"),
        _ => RuleResult.Ok,
    };

    /// <summary>The decision again under the round's lock, so a change of advancement cannot slip past a finalisation or a reopening of review.</summary>
    private async Task<RuleResult> LockedDecisionAsync(Round round, CancellationToken cancellationToken)
    {
        var (locked, current) = await states.LockAsync(round.Id, cancellationToken);
        return Decide(RoundLifecycle.PhaseOf(locked, current?.Status, clock.GetUtcNow()));
    }

    private Task<(RuleResult Result, int Added)> AddAsync(Contest contest, Round round, IReadOnlyList<ResultRow> rows, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var locked = await LockedDecisionAsync(round, cancellationToken);
            if (!locked.Allowed) return (locked, 0);
            var already = (await db.Advancements.Where(a => a.RoundId == round.Id).Select(a => a.SubmissionId).ToListAsync(cancellationToken)).ToHashSet();
            var next = contest.Rounds.Where(r => r.Sequence > round.Sequence).OrderBy(r => r.Sequence).FirstOrDefault();
            var now = clock.GetUtcNow();
            var added = rows.Where(r => !already.Contains(r.EntryId)).Select(r => new Advancement
            {
                RoundId = round.Id, NextRoundId = next?.Id, SubmissionId = r.EntryId, TeamId = r.TeamId, TrackId = r.TrackId, Rank = r.Outcome.Ranked.Rank, AdvancedAt = now,
            }).ToList();
            db.Advancements.AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var a in added)
                await audit.AppendAsync(new AuditEvent("judging.advanced", $"submission:{a.SubmissionId}", "ok", $"round={round.Id}; next={a.NextRoundId}; rank={a.Rank}") { TeamId = a.TeamId }, cancellationToken);
            return (RuleResult.Ok, added.Count);
        }, cancellationToken);
}
