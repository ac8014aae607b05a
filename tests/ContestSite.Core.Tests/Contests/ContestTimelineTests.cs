using ContestSite.Core.Contests;

namespace ContestSite.Core.Tests.Contests;

public sealed class ContestTimelineTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2020, month, day, hour, 0, 0, Beijing);

    private static Contest Contest() => new()
    {
        Name = "2020", RegistrationOpensAt = At(8, 1), RegistrationClosesAt = At(9, 30, 18),
        Rounds =
        [
            new() { Name = "初赛", Sequence = 1, SubmissionOpensAt = At(8, 15), SubmissionClosesAt = At(10, 31, 18), ReviewOpensAt = At(11, 1), ReviewClosesAt = At(11, 10, 18) },
            new() { Name = "复赛", Sequence = 2, SubmissionOpensAt = At(11, 12), SubmissionClosesAt = At(11, 30, 18), ReviewOpensAt = At(12, 1), ReviewClosesAt = At(12, 8, 18) },
        ],
    };

    [Theory]
    [InlineData(7, 20, "即将开始报名", null)]
    [InlineData(8, 5, "报名中", null)]
    [InlineData(9, 1, "{0}作品提交中", "初赛")]
    [InlineData(11, 5, "{0}评审中", "初赛")]
    [InlineData(11, 11, "等待{0}开始", "复赛")]
    [InlineData(12, 20, "大赛已结束", null)]
    public void The_stage_follows_the_calendar(int month, int day, string key, string? round)
    {
        Assert.Equal((key, round), ContestTimeline.StageAt(Contest(), At(month, day, 12)));
    }

    [Fact]
    public void The_countdown_is_to_the_next_milestone_and_stops_at_the_end()
    {
        var next = ContestTimeline.Next(Contest(), At(10, 30, 18))!;

        Assert.Equal(At(10, 31, 18), next.At);
        Assert.Equal(("{0}作品提交截止", "初赛"), (next.Label, next.RoundName));
        Assert.Equal((1, 0, 0), ContestTimeline.Remaining(next.At, At(10, 30, 18)));
        Assert.Equal((0, 0, 0), ContestTimeline.Remaining(next.At, At(11, 2)));
        Assert.Null(ContestTimeline.Next(Contest(), At(12, 9)));
    }
}
