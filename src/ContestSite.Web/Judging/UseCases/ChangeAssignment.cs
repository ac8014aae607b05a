using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Judging.Mail;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>An organizer's adjustment by hand: add one judge to an entry, or take one off (never a submitted score, nor any score once frozen).</summary>
public sealed class ChangeAssignment(ContestDbContext db, JudgePool pool, RoundStates states, AssignmentMail mail, IAuditLog audit, TimeProvider clock)
{
    public async Task<RuleResult> AddAsync(Round round, int submissionId, string judgeEmail, CancellationToken cancellationToken = default)
    {
        var judges = await pool.JudgesAsync(cancellationToken);
        var judge = judges.FirstOrDefault(j => string.Equals(j.Email, judgeEmail.Trim(), StringComparison.OrdinalIgnoreCase));
        var refusal = await CheckAsync(round, submissionId, judge, judges, cancellationToken);
        if (refusal is not null) return refusal;
        db.Assignments.Add(new Assignment { RoundId = round.Id, SubmissionId = submissionId, JudgeUserId = judge!.UserId, AssignedAt = clock.GetUtcNow() });
        await mail.EnqueueAsync(round, [judge.UserId], cancellationToken);
        try { await audit.AppendAsync(new AuditEvent("judging.assignment-added", $"submission:{submissionId}", "ok", $"round={round.Id}; judge={judge.UserId}"), cancellationToken); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return RuleResult.Refuse("该评委已分配到这件作品"); }
        return RuleResult.Ok;
    }

    /// <summary>Checks one pair for <see cref="AddAsync"/> and the CSV import: a judge, a finalised entry of the round, no conflict, not yet assigned.</summary>
    public async Task<RuleResult?> CheckAsync(Round round, int submissionId, JudgeInfo? judge, IReadOnlyList<JudgeInfo> judges, CancellationToken cancellationToken = default)
    {
        if (judge is null) return RuleResult.Refuse("找不到这位评委（须是拥有评审权限的账号）");
        if (judge.Withdrawn) return RuleResult.Refuse("该评委已退出评审");
        if (!await db.Submissions.AnyAsync(s => s.Id == submissionId && s.RoundId == round.Id && s.Status == SubmissionStatus.Finalised, cancellationToken))
            return RuleResult.Refuse("作品 {0} 不是本轮已定稿的作品", submissionId);
        if (!await db.Submissions.Where(s => s.Id == submissionId).OfEntrants(db, round).AnyAsync(cancellationToken))
            return RuleResult.Refuse("作品 {0} 的团队未晋级{1}，不能分配评委", submissionId, round.Name);
        if (await db.ConflictDeclarations.AnyAsync(c => c.JudgeUserId == judge.UserId && c.SubmissionId == submissionId, cancellationToken))
            return RuleResult.Refuse("该评委已声明与作品 {0} 存在利益冲突", submissionId);
        var organizations = (await pool.TeamOrganizationsAsync(round.Id, submissionId, cancellationToken)).GetValueOrDefault(submissionId) ?? [];
        if (organizations.Any(o => ConflictProposals.SameOrganization(judge.Organization, o)))
            return RuleResult.Refuse("该评委与作品 {0} 的团队来自同一单位，存在利益冲突", submissionId);
        if (await db.Assignments.AnyAsync(a => a.RoundId == round.Id && a.SubmissionId == submissionId && a.JudgeUserId == judge.UserId, cancellationToken))
            return RuleResult.Refuse("该评委已分配到这件作品");
        return null;
    }

    public async Task<RuleResult> RemoveAsync(Round round, int assignmentId, CancellationToken cancellationToken = default)
    {
        var assignment = await db.Assignments.Include(a => a.Review).SingleOrDefaultAsync(a => a.Id == assignmentId && a.RoundId == round.Id, cancellationToken);
        if (assignment is null) return RuleResult.Refuse("分配不存在");
        if (assignment.Review?.Status == ReviewStatus.Submitted) return RuleResult.Refuse("该评委已提交评分，不能移除");
        if (assignment.Review?.ExcludedAt is not null) return RuleResult.Refuse("该评委的评分已被排除，作为记录保留，不能移除");
        // A pending conflict request is decided on this score: removing it first would leave nothing to decide.
        if (assignment.Review is not null && await db.ConflictDeclarations.AnyAsync(c => c.JudgeUserId == assignment.JudgeUserId
                && c.SubmissionId == assignment.SubmissionId && c.Status == ConflictStatus.Requested, cancellationToken))
            return RuleResult.Refuse("该评委在这件作品上的利益冲突申请尚待处理，请先处理申请");
        // Once scores are frozen a review is part of the record, even a draft: removing the assignment would delete it.
        if (assignment.Review is not null && !(await states.CanScoreAsync(round, assignment.SubmissionId, cancellationToken)).Allowed)
            return RuleResult.Refuse("评分已冻结，该评委在这件作品上的评分记录不能删除，因此不能移除");
        db.Assignments.Remove(assignment);
        await audit.AppendAsync(() => new AuditEvent("judging.assignment-removed", $"submission:{assignment.SubmissionId}", "ok",
            $"round={round.Id}; judge={assignment.JudgeUserId}"), cancellationToken);
        return RuleResult.Ok;
    }
}
