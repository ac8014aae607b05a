using ContestSite.Core.Judging;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>What an upheld conflict does to a judge's scores on an entry: excludes them, never deletes them.</summary>
internal static class ConflictScores
{
    /// <summary>The judge's reviews of the entry (tracked, with their scores): normally one.</summary>
    public static Task<List<Review>> ReviewsAsync(ContestDbContext db, string judgeId, int submissionId, CancellationToken cancellationToken) =>
        db.Reviews.Include(r => r.Scores)
            .Where(r => db.Assignments.Any(a => a.Id == r.AssignmentId && a.JudgeUserId == judgeId && a.SubmissionId == submissionId))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);

    public static void Exclude(Review review, DateTimeOffset now, string organizerId, string reason)
    {
        review.ExcludedAt = now;
        review.ExcludedByUserId = organizerId;
        review.ExclusionReason = reason;
        review.Concurrency++;
    }

    /// <summary>The scores as the record keeps them (<see cref="SaveReview.Describe"/>), each marked when excluded.</summary>
    public static string Describe(IReadOnlyList<Review> reviews) => reviews.Count == 0 ? "none" :
        string.Join(" | ", reviews.Select(r => SaveReview.Describe(r) + (r.ExcludedAt is null ? "" : " excluded")));
}
