namespace ContestSite.Core.Judging;

/// <summary>One submitted review as results read it: the judge's weighted total and per-criterion scores.</summary>
public sealed record SubmittedReview(string JudgeId, int EntryId, double Total, IReadOnlyDictionary<int, decimal> Scores);

/// <summary>An entry of the round: its track and when it was finalised (a tie-break).</summary>
public sealed record RoundEntry(int EntryId, int TrackId, DateTimeOffset? FinalisedAt);

/// <summary>A criterion as aggregation needs it.</summary>
public sealed record AggregationCriterion(int Id, string Name, decimal Weight, decimal MaxScore);

/// <summary>Everything results show of one entry.</summary>
public sealed record EntryOutcome(
    RankedEntry Ranked,
    IReadOnlyList<(string JudgeId, double Total, double Normalised)> Judges,
    double? RawMean,
    double? NormalisedMean,
    bool Disagreement)
{
    public int EntryId => Ranked.Entry.EntryId;
}

public sealed record RoundOutcome(NormalisedRound Normalised, IReadOnlyList<EntryOutcome> Entries);

/// <summary>
/// Turns a round's submitted reviews into per-entry results: each judge's total, the raw mean, the
/// normalised mean (<see cref="ScoreNormaliser"/>), the disagreement flag and the rank per track
/// (<see cref="Ranking"/>). Pure, so the same code serves the pages, the exports and the benchmark.
/// </summary>
public static class RoundAggregation
{
    public static RoundOutcome Aggregate(IReadOnlyList<RoundEntry> entries, IReadOnlyList<SubmittedReview> reviews,
        IReadOnlyList<AggregationCriterion> criteria, RankingMethod method, decimal disagreementThreshold)
    {
        var normalised = ScoreNormaliser.Normalise(reviews.Select(r => new ReviewTotal(r.JudgeId, r.EntryId, r.Total)).ToList());
        var byEntry = new Dictionary<int, List<(SubmittedReview Review, double Normalised)>>();
        for (var i = 0; i < reviews.Count; i++)
        {
            if (!byEntry.TryGetValue(reviews[i].EntryId, out var list)) byEntry[reviews[i].EntryId] = list = [];
            list.Add((reviews[i], normalised.Reviews[i].Normalised));
        }

        var inputs = new List<RankInput>(entries.Count);
        foreach (var entry in entries)
        {
            var mine = byEntry.GetValueOrDefault(entry.EntryId) ?? [];
            double? raw = mine.Count == 0 ? null : mine.Average(r => r.Review.Total);
            double? norm = mine.Count == 0 ? null : mine.Average(r => r.Normalised);
            inputs.Add(new RankInput(entry.EntryId, entry.TrackId, raw, norm, CriterionMeans(mine.Select(r => r.Review), criteria), entry.FinalisedAt));
        }
        var order = criteria.Select((c, i) => (c, i)).OrderByDescending(p => p.c.Weight).ThenBy(p => p.i)
            .Select(p => new TieBreakCriterion(p.c.Id, p.c.Name)).ToList();
        var ranked = Ranking.Rank(inputs, order, method);

        var outcomes = ranked.Select(r =>
        {
            var mine = byEntry.GetValueOrDefault(r.Entry.EntryId) ?? [];
            var judges = mine.Select(m => (m.Review.JudgeId, m.Review.Total, m.Normalised)).ToList();
            return new EntryOutcome(r, judges, r.Entry.RawMean, r.Entry.NormalisedMean,
                Ranking.Disagree(judges.Select(j => j.Total).ToList(), disagreementThreshold));
        }).ToList();
        return new RoundOutcome(normalised, outcomes);
    }

    private static Dictionary<int, double> CriterionMeans(IEnumerable<SubmittedReview> reviews, IReadOnlyList<AggregationCriterion> criteria)
    {
        var list = reviews.ToList();
        var means = new Dictionary<int, double>();
        if (list.Count == 0) return means;
        foreach (var criterion in criteria)
        {
            var shares = list.Where(r => r.Scores.ContainsKey(criterion.Id)).Select(r => (double)(r.Scores[criterion.Id] / criterion.MaxScore)).ToList();
            if (shares.Count > 0) means[criterion.Id] = shares.Average();
        }
        return means;
    }
}
