using ContestSite.Core.Rules;

namespace ContestSite.Core.Contests;

/// <summary>
/// When a round's rubric may still change. The criteria, their weights and maximum scores decide every total a
/// judge's scores add up to (totals are stored with each review), so once judges could score, or did, changing
/// them would rewrite results after the fact. The wording of a criterion may be corrected until results are
/// published, because the published results show it.
/// </summary>
public static class RubricLock
{
    public static RuleResult CanChangeScoring(Round round, bool anyScores, bool resultsPublished, DateTimeOffset now)
    {
        if (resultsPublished) return RuleResult.Refuse("本轮结果已发布，评分标准不能再修改");
        if (anyScores) return RuleResult.Refuse("本轮已有评委评分，评分项、权重和满分不能再修改");
        if (now >= round.ReviewOpensAt) return RuleResult.Refuse("本轮评审已于 {0} 开始，评分项、权重和满分不能再修改", round.ReviewOpensAt);
        return RuleResult.Ok;
    }

    public static RuleResult CanChangeWording(bool resultsPublished) =>
        resultsPublished ? RuleResult.Refuse("本轮结果已发布，评分标准不能再修改") : RuleResult.Ok;

    /// <summary>Whether the saved criterion differs from the stored one in anything that changes a total.</summary>
    public static bool ChangesScoring(RubricCriterion stored, decimal weight, decimal maxScore, bool wholeNumbersOnly) =>
        stored.Weight != weight || stored.MaxScore != maxScore || stored.WholeNumbersOnly != wholeNumbersOnly;
}
