using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class ScoreNormaliserTests
{
    /// <summary>A harsh judge (40, 50, 60) and a generous one (70, 80, 90) scoring the same three entries in the same order.</summary>
    private static readonly ReviewTotal[] HarshAndGenerous =
    [
        new("harsh", 1, 40), new("harsh", 2, 50), new("harsh", 3, 60),
        new("generous", 1, 70), new("generous", 2, 80), new("generous", 3, 90),
    ];

    [Fact]
    public void The_round_mean_and_spread_are_those_of_all_totals()
    {
        var round = ScoreNormaliser.Normalise(HarshAndGenerous);
        Assert.Equal(65, round.Mean, 9);
        // Population spread of 40,50,60,70,80,90: sqrt(291.666…) = 17.0783…
        Assert.Equal(17.078251276599, round.StandardDeviation, 9);
    }

    [Fact]
    public void A_harsh_and_a_generous_judge_who_agree_on_order_give_the_same_normalised_totals()
    {
        var round = ScoreNormaliser.Normalise(HarshAndGenerous);
        var byEntry = round.Reviews.GroupBy(r => r.Review.EntryId).ToDictionary(g => g.Key, g => g.Select(r => r.Normalised).ToList());
        // Each judge: μ_j ± 10 with σ_j = 8.1650; x' = 65 + 17.0783·(x − μ_j)/8.1650 = 65 ∓ 20.9165.
        Assert.All(byEntry[1], x => Assert.Equal(44.083500, x, 5));
        Assert.All(byEntry[2], x => Assert.Equal(65, x, 9));
        Assert.All(byEntry[3], x => Assert.Equal(85.916500, x, 5));
    }

    [Fact]
    public void A_judge_with_fewer_than_three_reviews_keeps_raw_totals()
    {
        ReviewTotal[] reviews = [.. HarshAndGenerous, new("newcomer", 1, 99), new("newcomer", 2, 10)];
        var round = ScoreNormaliser.Normalise(reviews);
        Assert.False(round.Judges["newcomer"].Rescaled);
        Assert.Equal([99, 10], round.Reviews.Where(r => r.Review.JudgeId == "newcomer").Select(r => r.Normalised));
        Assert.True(round.Judges["harsh"].Rescaled);
    }

    [Fact]
    public void A_judge_who_gives_every_entry_the_same_total_is_only_shifted_to_the_round_mean()
    {
        ReviewTotal[] reviews = [new("flat", 1, 70), new("flat", 2, 70), new("flat", 3, 70), new("other", 1, 40), new("other", 2, 50), new("other", 3, 60)];
        var round = ScoreNormaliser.Normalise(reviews);
        Assert.Equal(60, round.Mean, 9);
        Assert.All(round.Reviews.Where(r => r.Review.JudgeId == "flat"), r => Assert.Equal(60, r.Normalised, 9));
    }

    [Fact]
    public void No_reviews_give_an_empty_round() => Assert.Empty(ScoreNormaliser.Normalise([]).Reviews);
}
