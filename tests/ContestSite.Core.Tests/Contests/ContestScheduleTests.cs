using ContestSite.Core.Contests;

namespace ContestSite.Core.Tests.Contests;

public sealed class ContestScheduleTests
{
    private static Contest Valid() => new()
    {
        Name = "2020 大赛", Year = 2020,
        RegistrationOpensAt = new DateTimeOffset(2020, 8, 1, 0, 0, 0, TimeSpan.FromHours(8)),
        RegistrationClosesAt = new DateTimeOffset(2020, 9, 30, 18, 0, 0, TimeSpan.FromHours(8)),
        RosterLocksAt = new DateTimeOffset(2020, 10, 15, 18, 0, 0, TimeSpan.FromHours(8)),
    };

    [Fact]
    public void A_sensible_contest_has_no_errors() => Assert.Empty(ContestSchedule.Validate(Valid()));

    [Fact]
    public void Registration_that_closes_before_it_opens_is_an_error()
    {
        var contest = Valid();
        contest.RegistrationClosesAt = contest.RegistrationOpensAt.AddDays(-1);
        Assert.Contains("报名截止时间须晚于报名开始时间", ContestSchedule.Validate(contest));
    }

    [Theory]
    [InlineData(0, 5, "团队最少人数至少为 1")]
    [InlineData(3, 2, "团队最多人数不能少于最少人数")]
    [InlineData(1, 51, "团队最多人数不能超过 50")]
    public void Team_sizes_out_of_range_are_errors(int min, int max, string error)
    {
        var contest = Valid();
        (contest.MinTeamSize, contest.MaxTeamSize) = (min, max);
        Assert.Contains(error, ContestSchedule.Validate(contest));
    }

    [Fact]
    public void A_round_reviewed_before_submissions_close_is_an_error()
    {
        var round = new Round
        {
            Name = "初赛",
            SubmissionOpensAt = new DateTimeOffset(2020, 8, 1, 0, 0, 0, TimeSpan.Zero),
            SubmissionClosesAt = new DateTimeOffset(2020, 10, 1, 0, 0, 0, TimeSpan.Zero),
            ReviewOpensAt = new DateTimeOffset(2020, 9, 1, 0, 0, 0, TimeSpan.Zero),
            ReviewClosesAt = new DateTimeOffset(2020, 10, 10, 0, 0, 0, TimeSpan.Zero),
        };
        Assert.Contains("评审开始时间不能早于提交截止时间", ContestSchedule.Validate(round));
    }

    [Theory]
    [InlineData(0, 10, "权重须大于 0 且不超过 100")]
    [InlineData(30, 0, "满分须大于 0 且不超过 1000")]
    public void A_criterion_needs_a_positive_weight_and_maximum(double weight, double max, string error)
    {
        var criterion = new RubricCriterion { Name = "创新性", Weight = (decimal)weight, MaxScore = (decimal)max };
        Assert.Contains(error, ContestSchedule.Validate(criterion));
    }

    [Fact]
    public void Registration_is_open_from_its_first_moment_until_just_before_it_closes()
    {
        var contest = Valid();
        Assert.False(contest.IsRegistrationOpen(contest.RegistrationOpensAt.AddTicks(-1)));
        Assert.True(contest.IsRegistrationOpen(contest.RegistrationOpensAt));
        Assert.True(contest.IsRegistrationOpen(contest.RegistrationClosesAt.AddTicks(-1)));
        Assert.False(contest.IsRegistrationOpen(contest.RegistrationClosesAt));
    }

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static Round RoundOf(int sequence, string name, DateTimeOffset opens, int submissionDays, int reviewDays) => new()
    {
        Name = name, Sequence = sequence, SubmissionOpensAt = opens, SubmissionClosesAt = opens.AddDays(submissionDays),
        ReviewOpensAt = opens.AddDays(submissionDays), ReviewClosesAt = opens.AddDays(submissionDays + reviewDays),
    };

    private static List<Round> SensibleRounds() =>
    [
        RoundOf(1, "初赛", new DateTimeOffset(2020, 8, 15, 0, 0, 0, China), 77, 10),
        RoundOf(2, "复赛", new DateTimeOffset(2020, 11, 12, 0, 0, 0, China), 18, 7),
    ];

    [Fact]
    public void Rounds_in_order_after_registration_have_no_errors() => Assert.Empty(ContestSchedule.ValidateOrder(Valid(), SensibleRounds()));

    [Fact]
    public void A_round_that_opens_before_registration_opens_is_refused()
    {
        var rounds = SensibleRounds();
        rounds[0].SubmissionOpensAt = Valid().RegistrationOpensAt.AddDays(-1);

        Assert.Equal(["“{0}”的提交开始时间（{1}）不能早于报名开始时间（{2}）"], ContestSchedule.ValidateOrder(Valid(), rounds).Select(r => r.Message));
    }

    [Fact]
    public void A_first_round_that_closes_before_registration_closes_is_refused()
    {
        var rounds = SensibleRounds();
        rounds[0].SubmissionClosesAt = Valid().RegistrationClosesAt.AddHours(-1);

        Assert.Equal(["“{0}”的提交截止时间（{1}）不能早于报名截止时间（{2}）"], ContestSchedule.ValidateOrder(Valid(), rounds).Select(r => r.Message));
    }

    [Fact]
    public void A_round_whose_submissions_or_review_overlap_the_round_before_is_refused_whatever_order_the_rounds_come_in()
    {
        var rounds = SensibleRounds();
        rounds[1].SubmissionOpensAt = rounds[0].SubmissionClosesAt.AddMinutes(-1);
        rounds[1].ReviewOpensAt = rounds[0].ReviewClosesAt.AddMinutes(-1);
        rounds.Reverse();

        var refusals = ContestSchedule.ValidateOrder(Valid(), rounds);

        Assert.Equal(["“{0}”的提交开始时间（{1}）不能早于上一轮“{2}”的提交截止时间（{3}）", "“{0}”的评审开始时间（{1}）不能早于上一轮“{2}”的评审截止时间（{3}）"],
            refusals.Select(r => r.Message));
        Assert.All(refusals, r => Assert.Equal("复赛", r.Arguments[0]));
        Assert.All(refusals, r => Assert.Equal("初赛", r.Arguments[2]));
    }
}
