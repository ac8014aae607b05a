using ContestSite.Core.Rules;

namespace ContestSite.Core.Contests;

/// <summary>Checks that a contest's dates and limits make sense before they are saved.</summary>
public static class ContestSchedule
{
    public static IReadOnlyList<string> Validate(Contest contest)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(contest.Name)) errors.Add("赛事名称不能为空");
        if (contest.Year is < 2000 or > 2100) errors.Add("年份须在 2000 到 2100 之间");
        if (contest.RegistrationClosesAt <= contest.RegistrationOpensAt) errors.Add("报名截止时间须晚于报名开始时间");
        if (contest.MinTeamSize < 1) errors.Add("团队最少人数至少为 1");
        if (contest.MaxTeamSize < contest.MinTeamSize) errors.Add("团队最多人数不能少于最少人数");
        if (contest.MaxTeamSize > 50) errors.Add("团队最多人数不能超过 50");
        return errors;
    }

    public static IReadOnlyList<string> Validate(Round round)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(round.Name)) errors.Add("轮次名称不能为空");
        if (round.SubmissionClosesAt <= round.SubmissionOpensAt) errors.Add("提交截止时间须晚于提交开始时间");
        if (round.ReviewClosesAt <= round.ReviewOpensAt) errors.Add("评审截止时间须晚于评审开始时间");
        if (round.ReviewOpensAt < round.SubmissionClosesAt) errors.Add("评审开始时间不能早于提交截止时间");
        if (round.JudgesPerEntry is < 1 or > 20) errors.Add("每件作品的评委人数须在 1 到 20 之间");
        if (round.AdvanceCount is < 0) errors.Add("晋级数量不能为负数");
        return errors;
    }

    /// <summary>
    /// The rounds against registration and each other, in their order: a round opens no earlier than registration,
    /// the first round's submissions close no earlier than registration does (a team may still join until then), and
    /// a round's submissions open only once the round before it stopped taking them, and its review opens only once
    /// the review of the round before it has closed.
    /// </summary>
    public static IReadOnlyList<RuleResult> ValidateOrder(Contest contest, IEnumerable<Round> rounds)
    {
        var problems = new List<RuleResult>();
        var ordered = rounds.OrderBy(r => r.Sequence).ToList();
        foreach (var round in ordered.Where(r => r.SubmissionOpensAt < contest.RegistrationOpensAt))
            problems.Add(RuleResult.Refuse("“{0}”的提交开始时间（{1}）不能早于报名开始时间（{2}）", round.Name, round.SubmissionOpensAt, contest.RegistrationOpensAt));
        if (ordered.FirstOrDefault() is { } first && first.SubmissionClosesAt < contest.RegistrationClosesAt)
            problems.Add(RuleResult.Refuse("“{0}”的提交截止时间（{1}）不能早于报名截止时间（{2}）", first.Name, first.SubmissionClosesAt, contest.RegistrationClosesAt));
        foreach (var (before, after) in ordered.Zip(ordered.Skip(1)))
        {
            if (after.SubmissionOpensAt < before.SubmissionClosesAt)
                problems.Add(RuleResult.Refuse("“{0}”的提交开始时间（{1}）不能早于上一轮“{2}”的提交截止时间（{3}）", after.Name, after.SubmissionOpensAt, before.Name, before.SubmissionClosesAt));
            if (after.ReviewOpensAt < before.ReviewClosesAt)
                problems.Add(RuleResult.Refuse("“{0}”的评审开始时间（{1}）不能早于上一轮“{2}”的评审截止时间（{3}）", after.Name, after.ReviewOpensAt, before.Name, before.ReviewClosesAt));
        }
        return problems;
    }

    public static IReadOnlyList<string> Validate(RubricCriterion criterion)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(criterion.Name)) errors.Add("评分项名称不能为空");
        if (criterion.Weight is <= 0 or > 100) errors.Add("权重须大于 0 且不超过 100");
        if (criterion.MaxScore is <= 0 or > 1000) errors.Add("满分须大于 0 且不超过 1000");
        return errors;
    }
}
