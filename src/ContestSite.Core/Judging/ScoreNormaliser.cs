namespace ContestSite.Core.Judging;

/// <summary>One submitted review's weighted total (0–100).</summary>
public sealed record ReviewTotal(string JudgeId, int EntryId, double Total);

/// <summary>Per judge: how many reviews, their mean and spread, and whether they were rescaled.</summary>
public sealed record JudgeStatistics(string JudgeId, int Count, double Mean, double StandardDeviation, bool Rescaled);

public sealed record NormalisedRound(
    double Mean,
    double StandardDeviation,
    IReadOnlyDictionary<string, JudgeStatistics> Judges,
    IReadOnlyList<(ReviewTotal Review, double Normalised)> Reviews);

/// <summary>
/// Corrects for judges who score harshly or generously: each judge's totals are rescaled to the round's
/// overall mean μ and spread σ, x' = μ + σ·(x − μ_j)/σ_j. A judge with fewer than
/// <see cref="MinimumReviews"/> reviews keeps raw totals (too few to know their habit); a judge who gave
/// every entry the same total is only shifted (x' = x − μ_j + μ), since their spread says nothing.
/// Spreads are population standard deviations.
/// </summary>
public static class ScoreNormaliser
{
    public const int MinimumReviews = 3;

    public static NormalisedRound Normalise(IReadOnlyList<ReviewTotal> reviews)
    {
        if (reviews.Count == 0) return new(0, 0, new Dictionary<string, JudgeStatistics>(), []);
        var (mean, sd) = MeanAndSpread(reviews.Select(r => r.Total));
        var judges = reviews.GroupBy(r => r.JudgeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var (m, s) = MeanAndSpread(g.Select(r => r.Total));
            return new JudgeStatistics(g.Key, g.Count(), m, s, g.Count() >= MinimumReviews);
        }, StringComparer.Ordinal);
        var normalised = new List<(ReviewTotal, double)>(reviews.Count);
        foreach (var review in reviews) normalised.Add((review, Rescale(review.Total, judges[review.JudgeId], mean, sd)));
        return new(mean, sd, judges, normalised);
    }

    public static double Rescale(double total, JudgeStatistics judge, double mean, double sd)
    {
        if (!judge.Rescaled) return total;
        if (judge.StandardDeviation < 1e-9) return total - judge.Mean + mean;
        return mean + sd * (total - judge.Mean) / judge.StandardDeviation;
    }

    public static (double Mean, double StandardDeviation) MeanAndSpread(IEnumerable<double> values)
    {
        var list = values as IReadOnlyList<double> ?? values.ToList();
        if (list.Count == 0) return (0, 0);
        var mean = list.Average();
        // Two passes: the sum of squared distances stays exact enough where sum-of-squares minus mean² would not.
        var variance = list.Sum(v => (v - mean) * (v - mean)) / list.Count;
        return (mean, Math.Sqrt(variance));
    }
}
