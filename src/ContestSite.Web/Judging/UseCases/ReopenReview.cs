using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// An organizer reopens review, with a reason: for one entry, until a given moment its judges may score it again
/// (<see cref="RoundLifecycle.CanScore"/>) while every other entry of the round stays frozen. Like reopening the
/// whole round, it takes the round out of 公示 (the provisional results are withdrawn). Refused once results are final.
/// </summary>
public sealed class ReopenReview(ContestDbContext db, RoundStates states, PublishResults publish, IAuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    public async Task<RuleResult> EntryAsync(Round round, int submissionId, DateTimeOffset until, string? reason, string userId, CancellationToken cancellationToken = default)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return RuleResult.Refuse("请填写重新开放评审的理由");
        if (why.Length > MaxReasonLength) return RuleResult.Refuse("理由最多 {0} 个字", MaxReasonLength);
        var now = clock.GetUtcNow();
        if (until <= now) return RuleResult.Refuse("重新开放的截止时间 {0} 已经过去，请选择将来的时间", until);
        var submission = await db.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == submissionId && s.RoundId == round.Id && s.Status == SubmissionStatus.Finalised, cancellationToken);
        if (submission is null) return RuleResult.Refuse("作品 {0} 不是本轮已定稿的作品", submissionId);
        // Under the round's lock, so results cannot become final between the check and the reopening.
        return await db.InTransactionAsync(async () =>
        {
            var (_, current) = await states.LockAsync(round.Id, cancellationToken);
            if (ConflictRules.OrganizerMayChange(current?.Status) is { Allowed: false } final) return final;
            if (current is { Status: ResultsStatus.Provisional }) await publish.WithdrawAsync(current, why, cancellationToken);
            db.ReviewReopenings.Add(new ReviewReopening { RoundId = round.Id, SubmissionId = submissionId, OpenedAt = now, ClosesAt = until, Reason = why, OpenedByUserId = userId });
            await audit.AppendAsync(new AuditEvent("judging.entry-reopened", $"submission:{submissionId}", "ok",
                $"round={round.Id}; until={until.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}; reason={why}") { TeamId = submission.TeamId }, cancellationToken);
            return RuleResult.Ok;
        }, cancellationToken);
    }
}
