using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// A judge declares a conflict of interest on an entry. When they have not scored it, the assignment is released
/// and the entry given to another judge when one is free (<see cref="ConflictStatus.Declared"/>). When they have,
/// nothing is deleted: the declaration is a request (<see cref="ConflictStatus.Requested"/>) that an organizer
/// decides (<see cref="DecideConflict"/>), and the score is locked meanwhile. After review closes only organizers
/// raise conflicts (<see cref="RaiseConflict"/>).
/// </summary>
public sealed class DeclareConflict(ContestDbContext db, RoundStates states, AutoAssign assign, IAuditLog audit, TimeProvider clock)
{
    public async Task<(RuleResult Result, ConflictStatus Status)> RunAsync(string judgeId, int submissionId, string? reason, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.Status == SubmissionStatus.Finalised, cancellationToken);
        if (submission is null) return (RuleResult.Refuse("作品 {0} 不存在或尚未定稿", submissionId), default);
        if (await db.ConflictDeclarations.AnyAsync(c => c.JudgeUserId == judgeId && c.SubmissionId == submissionId, cancellationToken))
            return (RuleResult.Refuse("您已声明过与该作品的利益冲突"), default);
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == submission.RoundId, cancellationToken);
        var now = clock.GetUtcNow();
        var published = (await states.CurrentPublicationAsync(round.Id, cancellationToken))?.Status;
        var allowed = ConflictRules.JudgeMayDeclare(round, published, await states.EntryReopenedUntilAsync(round.Id, submissionId, cancellationToken), now);
        if (!allowed.Allowed) return (allowed, default);

        var assignments = await db.Assignments.Include(a => a.Review).ThenInclude(r => r!.Scores)
            .Where(a => a.JudgeUserId == judgeId && a.SubmissionId == submissionId).ToListAsync(cancellationToken);
        var status = assignments.Any(a => ConflictRules.HasScores(a.Review)) ? ConflictStatus.Requested : ConflictStatus.Declared;
        db.ConflictDeclarations.Add(new ConflictDeclaration
        {
            JudgeUserId = judgeId, SubmissionId = submissionId, Reason = Clean(reason), DeclaredAt = now, RaisedByUserId = judgeId, Status = status,
        });
        if (status == ConflictStatus.Declared) db.Assignments.RemoveRange(assignments);
        // What the declaration released or holds for an organizer, scores included, stays readable in the record.
        var scores = string.Join(" | ", assignments.Select(a => $"assignment {a.Id} (round {a.RoundId}): {SaveReview.Describe(a.Review)}"));
        var (action, detail) = status == ConflictStatus.Declared
            ? ("judging.conflict-declared", $"judge={judgeId}; released={assignments.Count}{(assignments.Count > 0 ? "; " + scores : "")}")
            : ("judging.conflict-requested", $"judge={judgeId}; kept for an organizer to decide; {scores}");
        try
        {
            // Decided again under the round's lock, so an organizer closing review or publishing at this moment wins cleanly.
            allowed = await db.InTransactionAsync(async () =>
            {
                var (locked, current) = await states.LockAsync(round.Id, cancellationToken);
                var still = ConflictRules.JudgeMayDeclare(locked, current?.Status, await states.EntryReopenedUntilAsync(round.Id, submissionId, cancellationToken), now);
                if (!still.Allowed) return still;
                await audit.AppendAsync(new AuditEvent(action, $"submission:{submissionId}", "ok", detail) { TeamId = submission.TeamId }, cancellationToken);
                return RuleResult.Ok;
            }, cancellationToken);
        }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return (RuleResult.Refuse("您已声明过与该作品的利益冲突"), default); }
        db.ChangeTracker.Clear();
        if (!allowed.Allowed) return (allowed, default);
        if (status == ConflictStatus.Declared && assignments.Count > 0 && published is null && round.ReviewClosesAt > now)
            await assign.RunAsync(round, cancellationToken);
        return (RuleResult.Ok, status);
    }

    private static string? Clean(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
}
