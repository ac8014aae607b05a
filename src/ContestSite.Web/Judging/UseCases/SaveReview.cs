using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>What the score form sends: typed text per criterion id, a comment, and whether it is the final submission.</summary>
public sealed record ReviewInput(IReadOnlyDictionary<int, string?> Scores, string? Comment, bool Submit);

/// <summary>The outcome: refused with per-criterion errors, or saved.</summary>
public sealed record ReviewOutcome(RuleResult Result, IReadOnlyList<ScoreError> Errors)
{
    public static ReviewOutcome Refused(string message, params object[] arguments) => new(RuleResult.Refuse(message, arguments), []);
}

/// <summary>
/// A judge saves a draft or submits their scores; a submitted review may be revised until the review window
/// closes. The unique review per assignment and the review's concurrency token make two identical sends at
/// the same moment end as one review: the loser decides again on the saved review and revises it.
/// </summary>
public sealed class SaveReview(ContestDbContext db, JudgeAccess access, IAuditLog audit, TimeProvider clock, ILogger<SaveReview> logger)
{
    public const int MaxCommentLength = 4000;
    private const int MaxAttempts = 4;

    public async Task<ReviewOutcome> RunAsync(string judgeId, int submissionId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var (outcome, action, change) = await DecideAsync(judgeId, submissionId, input, cancellationToken);
            if (!outcome.Result.Allowed) { db.ChangeTracker.Clear(); return outcome; }
            try
            {
                await audit.AppendAsync(new AuditEvent(action, $"submission:{submissionId}", "ok", $"judge={judgeId}; {change}"), cancellationToken);
                return outcome;
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    logger.LogWarning(ex, "A review save still conflicted after {Attempts} attempts", attempt);
                    return ReviewOutcome.Refused("评分刚被同时修改，请刷新页面后重试");
                }
                logger.LogInformation(ex, "A review save met another one (attempt {Attempt}); deciding again", attempt);
            }
        }
    }

    /// <returns>The outcome, the audit action, and the scores before and after (what the record must show of a score).</returns>
    private async Task<(ReviewOutcome Outcome, string Action, string Change)> DecideAsync(string judgeId, int submissionId, ReviewInput input, CancellationToken cancellationToken)
    {
        var entry = await access.FindAsync(judgeId, submissionId, cancellationToken);
        if (entry is null) return (ReviewOutcome.Refused("这件作品没有分配给您"), "", "");
        var now = clock.GetUtcNow();
        if (now < entry.Round.ReviewOpensAt) return (ReviewOutcome.Refused("评审将于 {0} 开始", entry.Round.ReviewOpensAt), "", "");
        if (now >= entry.Round.ReviewClosesAt) return (ReviewOutcome.Refused("评审已于 {0} 截止，不能再修改评分", entry.Round.ReviewClosesAt), "", "");
        if (input.Comment?.Length > MaxCommentLength) return (ReviewOutcome.Refused("评语最多 {0} 个字", MaxCommentLength), "", "");
        var check = ScoreValidation.Check(entry.Round.Criteria, input.Scores, input.Submit);
        if (!check.IsValid) return (new ReviewOutcome(RuleResult.Refuse("评分未保存，请按提示修改"), check.Errors), "", "");

        var review = entry.Assignment.Review;
        var before = Describe(review);
        var wasSubmitted = review?.Status == ReviewStatus.Submitted;
        if (wasSubmitted && !input.Submit) return (ReviewOutcome.Refused("评分已提交，修改后请再次提交"), "", "");
        if (review is null) entry.Assignment.Review = review = new Review { CreatedAt = now };
        review.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        review.UpdatedAt = now;
        review.Concurrency++;
        SetScores(review, check.Values);
        review.Total = check.Values.Count == entry.Round.Criteria.Count ? ScoreValidation.WeightedTotal(entry.Round.Criteria, check.Values) : null;
        if (input.Submit) { review.Status = ReviewStatus.Submitted; review.SubmittedAt = now; }
        var action = !input.Submit ? "judging.review-draft-saved" : wasSubmitted ? "judging.review-revised" : "judging.review-submitted";
        return (new ReviewOutcome(RuleResult.Ok, []), action, $"before: {before}; after: {Describe(review)}");
    }

    /// <summary>The scores as the record keeps them: <c>{criterion id=value …; total=…; status}</c>, or <c>none</c>.</summary>
    public static string Describe(Review? review) => review is null ? "none" :
        "{" + string.Join(",", review.Scores.OrderBy(s => s.CriterionId).Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.CriterionId}={s.Value:0.####}")))
        + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; total={review.Total?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}; {review.Status}") + "}";

    private static void SetScores(Review review, IReadOnlyDictionary<int, decimal> values)
    {
        review.Scores.RemoveAll(s => !values.ContainsKey(s.CriterionId));
        foreach (var (criterionId, value) in values)
        {
            var score = review.Scores.FirstOrDefault(s => s.CriterionId == criterionId);
            if (score is null) review.Scores.Add(new CriterionScore { CriterionId = criterionId, Value = value });
            else score.Value = value;
        }
    }
}
