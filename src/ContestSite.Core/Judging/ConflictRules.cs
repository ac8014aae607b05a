using ContestSite.Core.Contests;
using ContestSite.Core.Rules;

namespace ContestSite.Core.Judging;

/// <summary>
/// Who may raise a conflict of interest when, and what it does to a score. A conflict never deletes a score: on
/// an entry already scored it becomes a request that an organizer decides, and an upheld one only excludes the score.
/// </summary>
public static class ConflictRules
{
    public const string ResultsFinal = "结果已确定，不能再更改";

    /// <summary>
    /// A judge declares a conflict until review closes, or while an organizer's reopening of that entry runs; from
    /// then on (and once results are published) only an organizer can raise one.
    /// </summary>
    public static RuleResult JudgeMayDeclare(Round round, ResultsStatus? current, DateTimeOffset? entryReopenedUntil, DateTimeOffset now)
    {
        var phase = RoundLifecycle.PhaseOf(round, current, now);
        if (phase < RoundPhase.ReviewClosed) return RuleResult.Ok;
        if (phase == RoundPhase.ReviewClosed && entryReopenedUntil is { } until && now < until) return RuleResult.Ok;
        return RuleResult.Refuse("评审已于 {0} 截止，评审截止后利益冲突只能由组委会登记，请联系组委会", round.ReviewClosesAt);
    }

    /// <summary>An organizer may raise or decide a conflict (and so exclude a score) until the round's results are final.</summary>
    public static RuleResult OrganizerMayChange(ResultsStatus? current) =>
        current == ResultsStatus.Final ? RuleResult.Refuse(ResultsFinal) : RuleResult.Ok;

    /// <summary>A review is a score once any criterion has a value: a conflict then asks an organizer instead of deleting it.</summary>
    public static bool HasScores(Review? review) => review is { Scores.Count: > 0 };
}
