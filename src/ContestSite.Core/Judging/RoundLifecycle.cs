using ContestSite.Core.Contests;
using ContestSite.Core.Rules;

namespace ContestSite.Core.Judging;

/// <summary>Where a round stands: submission, review, then results in 公示, then final.</summary>
public enum RoundPhase
{
    Upcoming,
    SubmissionOpen,
    /// <summary>Submission has closed and review has not opened yet.</summary>
    AwaitingReview,
    ReviewOpen,
    /// <summary>Scores are frozen; results not yet published.</summary>
    ReviewClosed,
    /// <summary>Provisional results are public (公示); objections are taken until the period ends.</summary>
    Provisional,
    /// <summary>Results are final and can no longer change.</summary>
    Final,
}

/// <summary>
/// The round's state machine. Dates drive the phases up to review closed; published results (a
/// <see cref="ResultsPublication"/>) drive the rest. Every page and use case asks here, so no path can
/// score, publish or change what the phase forbids.
/// </summary>
public static class RoundLifecycle
{
    public static RoundPhase PhaseOf(Round round, ResultsStatus? current, DateTimeOffset now) => current switch
    {
        ResultsStatus.Final => RoundPhase.Final,
        ResultsStatus.Provisional => RoundPhase.Provisional,
        _ when now >= round.ReviewClosesAt => RoundPhase.ReviewClosed,
        _ when now >= round.ReviewOpensAt => RoundPhase.ReviewOpen,
        _ when now >= round.SubmissionClosesAt => RoundPhase.AwaitingReview,
        _ when now >= round.SubmissionOpensAt => RoundPhase.SubmissionOpen,
        _ => RoundPhase.Upcoming,
    };

    /// <summary>The phase's name as pages show it (a localizer key).</summary>
    public static string Name(RoundPhase phase) => phase switch
    {
        RoundPhase.Upcoming => "未开始",
        RoundPhase.SubmissionOpen => "作品提交中",
        RoundPhase.AwaitingReview => "等待评审",
        RoundPhase.ReviewOpen => "评审中",
        RoundPhase.ReviewClosed => "评审已截止（评分已冻结）",
        RoundPhase.Provisional => "结果公示中",
        _ => "结果已确定",
    };

    /// <summary>
    /// Whether a judge may save, submit, revise or withdraw a score on an entry: while the round's review is open,
    /// or while an organizer's reopening of that one entry runs, and never once results are published.
    /// </summary>
    public static RuleResult CanScore(Round round, ResultsStatus? current, DateTimeOffset? entryReopenedUntil, DateTimeOffset now)
    {
        if (current is ResultsStatus.Provisional or ResultsStatus.Final) return RuleResult.Refuse("本轮结果已发布，评分已冻结，不能再修改");
        if (now < round.ReviewOpensAt) return RuleResult.Refuse("评审将于 {0} 开始", round.ReviewOpensAt);
        if (now < round.ReviewClosesAt) return RuleResult.Ok;
        if (entryReopenedUntil is { } until && now < until) return RuleResult.Ok;
        return RuleResult.Refuse("评审已于 {0} 截止，评分已冻结，不能再修改", round.ReviewClosesAt);
    }
}
