using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>What came of an organizer's decision, and of giving the entry another judge after an uphold.</summary>
public sealed record ConflictOutcome(RuleResult Result, int Reassigned = 0, RuleResult? Reassignment = null)
{
    public static ConflictOutcome Refused(string message, params object[] arguments) => new(RuleResult.Refuse(message, arguments));
}

/// <summary>
/// An organizer decides a judge's conflict request (<see cref="ConflictStatus.Requested"/>): upheld, the judge's
/// score is excluded (kept, marked, never counted) and, while review is open, the entry gets another judge;
/// dismissed, the score counts and the judge may score again. Each decision has a reason, is audited with the score
/// before and after, is mailed to the judge, and is made once: the status changes only from Requested, in one
/// conditional update, so of two organizers deciding at the same moment exactly one wins.
/// </summary>
public sealed class DecideConflict(ContestDbContext db, RoundStates states, AutoAssign assign, EmailOutbox outbox, EmailTemplates templates,
    IAuditLog audit, TimeProvider clock)
{
    public const int MaxReasonLength = 500;
    public const string AlreadyDecided = "这项利益冲突申请已由其他组委会成员处理，您的决定未生效；请刷新页面查看结果";

    public async Task<ConflictOutcome> RunAsync(int conflictId, bool uphold, string? reason, string organizerId, CancellationToken cancellationToken = default)
    {
        var decision = reason?.Trim();
        if (string.IsNullOrEmpty(decision)) return ConflictOutcome.Refused("请填写决定的理由");
        if (decision.Length > MaxReasonLength) return ConflictOutcome.Refused("理由最多 {0} 个字", MaxReasonLength);
        var conflict = await db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conflictId, cancellationToken);
        if (conflict is null) return ConflictOutcome.Refused("利益冲突申请不存在");
        if (conflict.Status != ConflictStatus.Requested) return ConflictOutcome.Refused(AlreadyDecided);
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == conflict.SubmissionId, cancellationToken);
        var now = clock.GetUtcNow();
        var status = uphold ? ConflictStatus.Upheld : ConflictStatus.Dismissed;
        var reviews = await ConflictScores.ReviewsAsync(db, conflict.JudgeUserId, conflict.SubmissionId, cancellationToken);
        var before = ConflictScores.Describe(reviews);
        // Under the round's lock, so results cannot become final between the check and the exclusion.
        var (decided, round, published) = await db.InTransactionAsync(async () =>
        {
            var (round, current) = await states.LockAsync(submission.RoundId, cancellationToken);
            if (uphold && ConflictRules.OrganizerMayChange(current?.Status) is { Allowed: false } final) return (final, round, current?.Status);
            var changed = await db.ConflictDeclarations.Where(c => c.Id == conflictId && c.Status == ConflictStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.DecidedAt, now)
                    .SetProperty(c => c.DecidedByUserId, organizerId).SetProperty(c => c.Decision, decision), cancellationToken);
            if (changed == 0) return (RuleResult.Refuse(AlreadyDecided), round, current?.Status);
            if (uphold) foreach (var review in reviews) ConflictScores.Exclude(review, now, organizerId, decision);
            await TellJudgeAsync(conflict, uphold, decision, cancellationToken);
            await audit.AppendAsync(new AuditEvent(uphold ? "judging.conflict-upheld" : "judging.conflict-dismissed", $"submission:{conflict.SubmissionId}", "ok",
                $"judge={conflict.JudgeUserId}; reason={decision}; before: {before}; after: {ConflictScores.Describe(reviews)}") { TeamId = submission.TeamId }, cancellationToken);
            return (RuleResult.Ok, round, current?.Status);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        if (!decided.Allowed) return new ConflictOutcome(decided);
        if (!uphold || published is not null || !round.IsReviewOpen(now)) return new ConflictOutcome(RuleResult.Ok);
        var (assigned, added) = await assign.RunAsync(round, cancellationToken);
        return new ConflictOutcome(RuleResult.Ok, added, assigned);
    }

    private async Task TellJudgeAsync(ConflictDeclaration conflict, bool uphold, string decision, CancellationToken cancellationToken)
    {
        var judge = await db.Users.AsNoTracking().Where(u => u.Id == conflict.JudgeUserId && u.Email != null)
            .Select(u => new { Email = u.Email!, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(cancellationToken);
        if (judge is null) return;
        outbox.Enqueue(uphold
            ? templates.Build(judge.PreferredCulture, judge.Email, judge.DisplayName, "利益冲突申请已获支持：作品 {0}",
                [("组委会支持了您就作品 {0} 提出的利益冲突申请，您对该作品的评分已排除，不计入结果。", [conflict.SubmissionId]), ("组委会的理由：{0}", [decision])],
                null, conflict.SubmissionId)
            : templates.Build(judge.PreferredCulture, judge.Email, judge.DisplayName, "利益冲突申请未获支持：作品 {0}",
                [("组委会未支持您就作品 {0} 提出的利益冲突申请，您对该作品的评分仍然计入结果。", [conflict.SubmissionId]), ("组委会的理由：{0}", [decision])],
                null, conflict.SubmissionId));
    }
}
