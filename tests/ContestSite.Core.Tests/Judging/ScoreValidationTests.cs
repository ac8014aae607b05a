using ContestSite.Core.Contests;
using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class ScoreValidationTests
{
    private static readonly RubricCriterion[] Rubric =
    [
        new() { Id = 1, Name = "创新性", Weight = 30, MaxScore = 10 },
        new() { Id = 2, Name = "数据应用", Weight = 25, MaxScore = 10, WholeNumbersOnly = false },
        new() { Id = 3, Name = "社会价值", Weight = 20, MaxScore = 10 },
        new() { Id = 4, Name = "技术实现", Weight = 15, MaxScore = 10 },
        new() { Id = 5, Name = "完整度", Weight = 10, MaxScore = 10 },
    ];

    private static Dictionary<int, string?> Typed(params string?[] values) =>
        values.Select((v, i) => (v, i)).ToDictionary(p => p.i + 1, p => p.v);

    [Fact]
    public void Full_marks_give_a_total_of_one_hundred()
    {
        var check = ScoreValidation.Check(Rubric, Typed("10", "10", "10", "10", "10"), submitting: true);
        Assert.True(check.IsValid);
        Assert.Equal(100m, ScoreValidation.WeightedTotal(Rubric, check.Values));
    }

    [Fact]
    public void The_total_weighs_each_score_as_a_share_of_its_maximum()
    {
        var check = ScoreValidation.Check(Rubric, Typed("8", "7.5", "6", "9", "10"), submitting: true);
        // 30·0.8 + 25·0.75 + 20·0.6 + 15·0.9 + 10·1 = 24 + 18.75 + 12 + 13.5 + 10
        Assert.Equal(78.25m, ScoreValidation.WeightedTotal(Rubric, check.Values));
    }

    [Theory]
    [InlineData("-1", "“创新性”的分数不能小于 0")]
    [InlineData("11", "“创新性”的分数不能超过满分 {1}")]
    [InlineData("NaN", "“创新性”的分数须是数字")]
    [InlineData("1e309", "“创新性”的分数须是数字")]
    [InlineData("Infinity", "“创新性”的分数须是数字")]
    [InlineData("8.5", "“创新性”只能打整数分")]
    [InlineData("1,000", "“创新性”的分数须是数字")]
    public void Bad_scores_are_refused_with_a_message_naming_the_criterion(string typed, string message)
    {
        var check = ScoreValidation.Check(Rubric, Typed(typed, "5", "5", "5", "5"), submitting: true);
        var error = Assert.Single(check.Errors);
        Assert.Equal(1, error.CriterionId);
        Assert.Equal(message.Replace("“创新性”", "“{0}”", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void A_decimal_is_accepted_where_the_rubric_allows_it_but_not_beyond_two_places()
    {
        Assert.True(ScoreValidation.Check(Rubric, Typed("5", "7.25", "5", "5", "5"), submitting: true).IsValid);
        Assert.False(ScoreValidation.Check(Rubric, Typed("5", "7.255", "5", "5", "5"), submitting: true).IsValid);
    }

    [Fact]
    public void A_missing_criterion_is_refused_on_submit_but_allowed_in_a_draft()
    {
        var submitted = ScoreValidation.Check(Rubric, Typed("5", "5", "", "5"), submitting: true);
        Assert.Equal([3, 5], submitted.Errors.Select(e => e.CriterionId));
        Assert.True(ScoreValidation.Check(Rubric, Typed("5", "5", "", "5"), submitting: false).IsValid);
    }

    [Fact]
    public void A_score_for_a_criterion_outside_the_rubric_is_refused()
    {
        var typed = Typed("5", "5", "5", "5", "5");
        typed[99] = "5";
        Assert.Contains(ScoreValidation.Check(Rubric, typed, submitting: true).Errors, e => e.CriterionId is null);
    }
}
