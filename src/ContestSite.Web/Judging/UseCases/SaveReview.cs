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
/// A judge saves a draft or submits their scores; a submitted review may be revised while the round's scores are
/// not frozen (<see cref="RoundStates.CanScoreAsync"/>: review open, or the entry reopened, never once results are
/// published), and never while the judge's conflict on the entry waits for or got an organizer's upholding. The unique review per assignment and the review's concurrency token make two identical sends at
/// the same moment end as one review: the loser decides again on the saved review and revises it.
/// </summary>
public sealed class SaveReview(ContestDbContext db, JudgeAccess access, RoundStates states, IAuditLog audit, TimeProvider clock, ILogger<SaveReview> logger)
{
    public const int MaxCommentLength = 4000;
    private const int MaxAttempts = 4;
    public const string ConflictLocked = "您已声明与这件作品存在利益冲突，评分已锁定，不能再修改";

    public async Task<ReviewOutcome> RunAsync(string judgeId, int submissionId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                // Under the round's lock: a save under way when review closes (or results are published) lands before it, or is refused.
                var outcome = await db.InTransactionAsync(async () =>
                {
                    var roundId = await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.RoundId).FirstOrDefaultAsync(cancellationToken);
                    if (roundId != 0) await states.LockAsync(roundId, cancellationToken);
                    var (decided, action, change) = await DecideAsync(judgeId, submissionId, input, cancellationToken);
                    if (decided.Result.Allowed)
                        await audit.AppendAsync(new AuditEvent(action, $"submission:{submissionId}", "ok", $"judge={judgeId}; {change}"), cancellationToken);
                    return decided;
                }, cancellationToken);
                if (!outcome.Result.Allowed) db.ChangeTracker.Clear();
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
        if (entry is null)
            return (await access.ConflictAsync(judgeId, submissionId, cancellationToken) is { Status: ConflictStatus.Requested or ConflictStatus.Upheld }
                ? ReviewOutcome.Refused(ConflictLocked) : ReviewOutcome.Refused("这件作品没有分配给您"), "", "");
        var now = clock.GetUtcNow();
        var open = await states.CanScoreAsync(entry.Round, submissionId, cancellationToken);
        if (!open.Allowed) return (new ReviewOutcome(open, []), "", "");
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
