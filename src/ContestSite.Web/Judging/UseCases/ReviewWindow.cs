using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Judging.Mail;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// An organizer moves the end of a round's review, always with a reason: closes it now (scores freeze), extends it,
/// or reopens it after it closed. Reopening takes the round back out of provisional results (withdrawn, awards
/// unpublished); once results are final nothing moves. Closing now mails each judge of the round the review-closed note
/// (<see cref="JudgeDeadlineMail"/>) in the same transaction.
/// </summary>
public sealed class ReviewWindow(ContestDbContext db, RoundStates states, PublishResults publish, JudgeDeadlineMail deadlineMail, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> CloseNowAsync(int roundId, string? reason, CancellationToken cancellationToken = default)
    {
        if (Reason(reason) is not { } why) return RuleResult.Refuse("请填写原因");
        if (why.Length > PublishResults.MaxReasonLength) return RuleResult.Refuse("原因最多 {0} 个字", PublishResults.MaxReasonLength);
        return await db.InTransactionAsync(async () =>
        {
            var (round, current) = await states.LockAsync(roundId, cancellationToken);
            var now = clock.GetUtcNow();
            var phase = RoundLifecycle.PhaseOf(round, current?.Status, now);
            if (phase != RoundPhase.ReviewOpen) return RuleResult.Refuse("只能截止正在进行的评审（本轮当前：{0}）", new LocalText(RoundLifecycle.Name(phase)));
            await SetCloseAsync(round.Id, now, cancellationToken);
            // The judges' note goes with the close (the job sees it claimed and sends nothing more).
            await deadlineMail.EnqueueClosedNotesAsync(round, now, cancellationToken);
            await audit.AppendAsync(new AuditEvent("judging.review-closed", $"round:{round.Id}", "ok",
                $"closes {round.ReviewClosesAt:O} -> {now:O}; reason={why}"), cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }

    /// <summary>Moves the close to <paramref name="until"/>: an extension while review runs, a reopening after it closed.</summary>
    public async Task<RuleResult> ExtendAsync(int roundId, DateTimeOffset? until, string? reason, CancellationToken cancellationToken = default)
    {
        if (until is null) return RuleResult.Refuse("请填写新的评审截止时间");
        if (Reason(reason) is not { } why) return RuleResult.Refuse("请填写原因");
        if (why.Length > PublishResults.MaxReasonLength) return RuleResult.Refuse("原因最多 {0} 个字", PublishResults.MaxReasonLength);
        return await db.InTransactionAsync(async () =>
        {
            var (round, current) = await states.LockAsync(roundId, cancellationToken);
            var now = clock.GetUtcNow();
            var phase = RoundLifecycle.PhaseOf(round, current?.Status, now);
            if (phase == RoundPhase.Final) return RuleResult.Refuse("本轮结果已确定，不能重新开放评审");
            if (until <= now) return RuleResult.Refuse("新的评审截止时间须晚于现在");
            if (until <= round.ReviewOpensAt) return RuleResult.Refuse("新的评审截止时间须晚于评审开始时间 {0}", round.ReviewOpensAt);
            if (phase is RoundPhase.ReviewOpen or RoundPhase.Upcoming or RoundPhase.SubmissionOpen or RoundPhase.AwaitingReview && until <= round.ReviewClosesAt)
                return RuleResult.Refuse("延长评审须晚于当前截止时间 {0}", round.ReviewClosesAt);
            if (current is { Status: ResultsStatus.Provisional }) await publish.WithdrawAsync(current, why, cancellationToken);
            await SetCloseAsync(round.Id, until.Value, cancellationToken);
            var reopened = phase is RoundPhase.ReviewClosed or RoundPhase.Provisional;
            await audit.AppendAsync(new AuditEvent(reopened ? "judging.review-reopened" : "judging.review-extended", $"round:{round.Id}", "ok",
                $"closes {round.ReviewClosesAt:O} -> {until:O}; reason={why}" + (current is { Status: ResultsStatus.Provisional } ? $"; withdrew results version {current.Version}" : "")), cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }

    private Task SetCloseAsync(int roundId, DateTimeOffset close, CancellationToken cancellationToken) =>
        db.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewClosesAt, close), cancellationToken);

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
