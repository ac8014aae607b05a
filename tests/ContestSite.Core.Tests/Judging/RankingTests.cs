using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class RankingTests
{
    private static readonly TieBreakCriterion[] ByWeight = [new(1, "创新性"), new(2, "数据应用")];
    private static readonly DateTimeOffset Noon = new(2020, 10, 31, 12, 0, 0, TimeSpan.Zero);

    private static RankInput Entry(int id, double? raw, double? normalised, double innovation = 0.5, double data = 0.5, int track = 1, int minutes = 0) =>
        new(id, track, raw, normalised, new Dictionary<int, double> { [1] = innovation, [2] = data }, Noon.AddMinutes(minutes));

    [Fact]
    public void Entries_rank_by_the_chosen_score_within_each_track()
    {
        var ranked = Ranking.Rank([Entry(1, 70, 60), Entry(2, 60, 80), Entry(3, 90, 90, track: 2)], ByWeight, RankingMethod.Normalised);
        Assert.Equal([(2, 1), (1, 2), (3, 1)], ranked.Select(r => (r.Entry.EntryId, r.Rank)));
        var raw = Ranking.Rank([Entry(1, 70, 60), Entry(2, 60, 80)], ByWeight, RankingMethod.Raw);
        Assert.Equal([1, 2], raw.Select(r => r.Entry.EntryId));
    }

    [Fact]
    public void A_tie_is_broken_by_the_heaviest_criterion_first()
    {
        var ranked = Ranking.Rank([Entry(1, 80, 80, innovation: 0.7, data: 0.9), Entry(2, 80, 80, innovation: 0.8, data: 0.6)], ByWeight, RankingMethod.Raw);
        Assert.Equal([2, 1], ranked.Select(r => r.Entry.EntryId));
        Assert.Equal("同分，按“{0}”得分排序", ranked[1].TieBreak);
        Assert.Equal(["创新性"], ranked[1].TieBreakArguments);
    }

    [Fact]
    public void A_tie_on_every_criterion_is_broken_by_the_other_method_then_by_the_earlier_finalisation()
    {
        var byOther = Ranking.Rank([Entry(1, 80, 70), Entry(2, 80, 75)], ByWeight, RankingMethod.Raw);
        Assert.Equal([2, 1], byOther.Select(r => r.Entry.EntryId));
        Assert.Equal("同分，按标准化平均分排序", byOther[1].TieBreak);

        var byTime = Ranking.Rank([Entry(1, 80, 80, minutes: 5), Entry(2, 80, 80, minutes: 1)], ByWeight, RankingMethod.Raw);
        Assert.Equal([2, 1], byTime.Select(r => r.Entry.EntryId));
        Assert.Equal("同分，定稿较早者在前", byTime[1].TieBreak);
    }

    [Fact]
    public void Scores_equal_to_four_decimals_count_as_a_tie()
    {
        var ranked = Ranking.Rank([Entry(1, 80.00001, 80, innovation: 0.4), Entry(2, 80, 80, innovation: 0.6)], ByWeight, RankingMethod.Raw);
        Assert.Equal([2, 1], ranked.Select(r => r.Entry.EntryId));
    }

    [Fact]
    public void Entries_without_reviews_come_last()
    {
        var ranked = Ranking.Rank([Entry(1, null, null), Entry(2, 10, 10)], ByWeight, RankingMethod.Normalised);
        Assert.Equal([2, 1], ranked.Select(r => r.Entry.EntryId));
    }

    [Theory]
    [InlineData(40, 10, null, 10)]
    [InlineData(5, 10, null, 5)]
    [InlineData(40, null, 25.0, 10)]
    [InlineData(41, null, 25.0, 11)]
    [InlineData(40, 3, 10.0, 4)]
    public void The_advancing_count_is_the_share_rounded_up_when_set_else_the_count(int ranked, int? count, double? share, int expected) =>
        Assert.Equal(expected, Ranking.AdvancingCount(ranked, count, (decimal?)share));

    [Fact]
    public void Judges_disagree_when_their_totals_spread_more_than_the_threshold()
    {
        Assert.True(Ranking.Disagree([60, 85, 70], 20));
        Assert.False(Ranking.Disagree([60, 80, 70], 20));
        Assert.False(Ranking.Disagree([10], 0));
    }
}
