using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// An organizer raises a conflict for a judge and an entry (the only way once review has closed): it is upheld at
/// once, with the organizer as the one who raised and decided it. The judge's score on the entry, if any, is
/// excluded (kept, marked); an assignment without scores is released. Refused once the round's results are final.
/// </summary>
public sealed class RaiseConflict(ContestDbContext db, JudgePool pool, RoundStates states, AutoAssign assign, IAuditLog audit, TimeProvider clock)
{
    public async Task<ConflictOutcome> RunAsync(string? judgeEmail, int submissionId, string? reason, string organizerId, CancellationToken cancellationToken = default)
    {
        var decision = reason?.Trim();
        if (string.IsNullOrEmpty(decision)) return ConflictOutcome.Refused("请填写利益冲突的理由");
        if (decision.Length > DecideConflict.MaxReasonLength) return ConflictOutcome.Refused("理由最多 {0} 个字", DecideConflict.MaxReasonLength);
        var judge = (await pool.JudgesAsync(cancellationToken)).FirstOrDefault(j => string.Equals(j.Email, judgeEmail?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (judge is null) return ConflictOutcome.Refused("找不到这位评委（须是拥有评审权限的账号）");
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.Status == SubmissionStatus.Finalised, cancellationToken);
        if (submission is null) return ConflictOutcome.Refused("作品 {0} 不存在或尚未定稿", submissionId);
        if (await db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(c => c.JudgeUserId == judge.UserId && c.SubmissionId == submissionId, cancellationToken) is { } existing)
            return ConflictOutcome.Refused(existing.Status == ConflictStatus.Requested
                ? "该评委已就作品 {0} 提出利益冲突申请，请在“待处理的利益冲突申请”中作出决定"
                : "该评委与作品 {0} 的利益冲突已经登记并处理过", submissionId);

        var now = clock.GetUtcNow();
        var assignments = await db.Assignments.Include(a => a.Review).ThenInclude(r => r!.Scores)
            .Where(a => a.JudgeUserId == judge.UserId && a.SubmissionId == submissionId).ToListAsync(cancellationToken);
        var released = assignments.Where(a => !ConflictRules.HasScores(a.Review)).ToList();
        var kept = assignments.Except(released).Select(a => a.Review!).ToList();
        var before = ConflictScores.Describe(assignments.Select(a => a.Review).OfType<Review>().ToList());
        (RuleResult Result, Round Round, ResultsStatus? Published) raised;
        try
        {
            // Under the round's lock, so results cannot become final between the check and the exclusion.
            raised = await db.InTransactionAsync(async () =>
            {
                var (round, current) = await states.LockAsync(submission.RoundId, cancellationToken);
                if (ConflictRules.OrganizerMayChange(current?.Status) is { Allowed: false } final) return (final, round, current?.Status);
                db.ConflictDeclarations.Add(new ConflictDeclaration
                {
                    JudgeUserId = judge.UserId, SubmissionId = submissionId, Reason = decision, DeclaredAt = now, RaisedByUserId = organizerId,
                    Status = ConflictStatus.Upheld, DecidedAt = now, DecidedByUserId = organizerId, Decision = decision,
                });
                db.Assignments.RemoveRange(released);
                foreach (var review in kept) ConflictScores.Exclude(review, now, organizerId, decision);
                await audit.AppendAsync(new AuditEvent("judging.conflict-raised", $"submission:{submissionId}", "ok",
                    $"judge={judge.UserId}; reason={decision}; released={released.Count}; before: {before}; after: {ConflictScores.Describe(kept)}") { TeamId = submission.TeamId }, cancellationToken);
                return (RuleResult.Ok, round, current?.Status);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ConflictOutcome.Refused("该评委与作品 {0} 的利益冲突已经登记并处理过", submissionId);
        }
        db.ChangeTracker.Clear();
        if (!raised.Result.Allowed) return new ConflictOutcome(raised.Result);
        if (assignments.Count == 0 || raised.Published is not null || raised.Round.ReviewClosesAt <= now) return new ConflictOutcome(RuleResult.Ok);
        var (assigned, added) = await assign.RunAsync(raised.Round, cancellationToken);
        return new ConflictOutcome(RuleResult.Ok, added, assigned);
    }
}
