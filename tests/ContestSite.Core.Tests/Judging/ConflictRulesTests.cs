using ContestSite.Core.Contests;
using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class ConflictRulesTests
{
    private static readonly DateTimeOffset Closes = new(2020, 11, 10, 18, 0, 0, TimeSpan.FromHours(8));

    private static readonly Round Round = new()
    {
        Name = "初赛",
        SubmissionOpensAt = Closes.AddDays(-40), SubmissionClosesAt = Closes.AddDays(-10),
        ReviewOpensAt = Closes.AddDays(-9), ReviewClosesAt = Closes,
    };

    [Theory]
    [InlineData(-20)]
    [InlineData(-5)]
    public void A_judge_may_declare_a_conflict_before_review_closes(int days) =>
        Assert.True(ConflictRules.JudgeMayDeclare(Round, null, null, Closes.AddDays(days)).Allowed);

    [Fact]
    public void From_the_moment_review_closes_a_judge_may_not_declare_and_is_told_to_ask_the_organizers()
    {
        var refused = ConflictRules.JudgeMayDeclare(Round, null, null, Closes);

        Assert.False(refused.Allowed);
        Assert.Equal("评审已于 {0} 截止，评审截止后利益冲突只能由组委会登记，请联系组委会", refused.Message);
    }

    [Fact]
    public void While_an_entry_is_reopened_its_judge_may_declare_and_not_after()
    {
        var until = Closes.AddDays(1);

        Assert.True(ConflictRules.JudgeMayDeclare(Round, null, until, until.AddMinutes(-1)).Allowed);
        Assert.False(ConflictRules.JudgeMayDeclare(Round, null, until, until).Allowed);
    }

    [Theory]
    [InlineData(ResultsStatus.Provisional)]
    [InlineData(ResultsStatus.Final)]
    public void Once_results_are_published_not_even_a_reopened_entry_lets_a_judge_declare(ResultsStatus status) =>
        Assert.False(ConflictRules.JudgeMayDeclare(Round, status, Closes.AddDays(1), Closes.AddHours(1)).Allowed);

    [Theory]
    [InlineData(null, true)]
    [InlineData(ResultsStatus.Provisional, true)]
    [InlineData(ResultsStatus.Withdrawn, true)]
    [InlineData(ResultsStatus.Final, false)]
    public void Organizers_may_change_conflicts_until_results_are_final(ResultsStatus? status, bool allowed)
    {
        var result = ConflictRules.OrganizerMayChange(status);

        Assert.Equal(allowed, result.Allowed);
        if (!allowed) Assert.Equal("结果已确定，不能再更改", result.Message);
    }

    [Fact]
    public void A_review_counts_as_a_score_once_any_criterion_has_a_value()
    {
        Assert.False(ConflictRules.HasScores(null));
        Assert.False(ConflictRules.HasScores(new Review { Comment = "只写了评语" }));
        Assert.True(ConflictRules.HasScores(new Review { Scores = [new CriterionScore { CriterionId = 1, Value = 0 }] }));
    }
}
