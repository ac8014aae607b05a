using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>A judge's way in to one entry: their assignment, the round, and the finalised submission.</summary>
public sealed record JudgeEntry(Assignment Assignment, Round Round, Submission Submission);

/// <summary>
/// Decides whether a judge may see an entry: only one assigned to them, finalised, and with no conflict of theirs
/// on it (one an organizer dismissed does not count). Every judging page and file goes through here, so no URL
/// reaches around it.
/// </summary>
public sealed class JudgeAccess(ContestDbContext db)
{
    public async Task<JudgeEntry?> FindAsync(string judgeId, int submissionId, CancellationToken cancellationToken = default)
    {
        var assignment = await db.Assignments.Include(a => a.Review!).ThenInclude(r => r.Scores)
            .Where(a => a.JudgeUserId == judgeId && a.SubmissionId == submissionId)
            .OrderByDescending(a => a.RoundId).FirstOrDefaultAsync(cancellationToken);
        if (assignment is null) return null;
        if (await db.ConflictDeclarations.AnyAsync(c => c.JudgeUserId == judgeId && c.SubmissionId == submissionId && c.Status != ConflictStatus.Dismissed, cancellationToken)) return null;
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is not { Status: SubmissionStatus.Finalised } || submission.RoundId != assignment.RoundId) return null;
        var round = await db.Rounds.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.SortOrder)).SingleAsync(r => r.Id == assignment.RoundId, cancellationToken);
        return new JudgeEntry(assignment, round, submission);
    }

    /// <summary>The judge's conflict on the entry, if any: why <see cref="FindAsync"/> turned them away.</summary>
    public Task<ConflictDeclaration?> ConflictAsync(string judgeId, int submissionId, CancellationToken cancellationToken = default) =>
        db.ConflictDeclarations.AsNoTracking().SingleOrDefaultAsync(c => c.JudgeUserId == judgeId && c.SubmissionId == submissionId, cancellationToken);

    /// <summary>The version judges score: the newest one of the finalised entry, with its files and datasets.</summary>
    public Task<SubmissionVersion?> CurrentVersionAsync(Submission submission, CancellationToken cancellationToken = default) =>
        db.SubmissionVersions.AsNoTracking().Include(v => v.Files.OrderBy(f => f.Kind).ThenBy(f => f.SortOrder)).Include(v => v.Datasets)
            .AsSplitQuery().SingleOrDefaultAsync(v => v.SubmissionId == submission.Id && v.Number == submission.CurrentVersionNumber, cancellationToken);
}
