using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// A judge declares a conflict of interest on an entry. If the entry was assigned to them, the assignment
/// (and any score) is dropped and the entry is given to another judge when one is free.
/// </summary>
public sealed class DeclareConflict(ContestDbContext db, AutoAssign assign, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> RunAsync(string judgeId, int submissionId, string? reason, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.Status == SubmissionStatus.Finalised, cancellationToken);
        if (submission is null) return RuleResult.Refuse("作品 {0} 不存在或尚未定稿", submissionId);
        if (await db.ConflictDeclarations.AnyAsync(c => c.JudgeUserId == judgeId && c.SubmissionId == submissionId, cancellationToken))
            return RuleResult.Refuse("您已声明过与该作品的利益冲突");
        var now = clock.GetUtcNow();
        db.ConflictDeclarations.Add(new ConflictDeclaration { JudgeUserId = judgeId, SubmissionId = submissionId, Reason = Clean(reason), DeclaredAt = now });
        var assignments = await db.Assignments.Include(a => a.Review).ThenInclude(r => r!.Scores)
            .Where(a => a.JudgeUserId == judgeId && a.SubmissionId == submissionId).ToListAsync(cancellationToken);
        db.Assignments.RemoveRange(assignments);
        // What the declaration released, scores included, stays readable in the record after the rows are gone.
        var released = string.Join(" | ", assignments.Select(a => $"assignment {a.Id} (round {a.RoundId}): {SaveReview.Describe(a.Review)}"));
        try
        {
            await audit.AppendAsync(new AuditEvent("judging.conflict-declared", $"submission:{submissionId}", "ok",
                $"judge={judgeId}; released={assignments.Count}{(assignments.Count > 0 ? "; " + released : "")}") { TeamId = submission.TeamId }, cancellationToken);
        }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return RuleResult.Refuse("您已声明过与该作品的利益冲突"); }
        db.ChangeTracker.Clear();
        if (assignments.Count > 0)
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == submission.RoundId, cancellationToken);
            if (round.ReviewClosesAt > now) await assign.RunAsync(round, cancellationToken);
        }
        return RuleResult.Ok;
    }

    private static string? Clean(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
}
