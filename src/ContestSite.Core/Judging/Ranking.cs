namespace ContestSite.Core.Judging;

/// <summary>What ranking needs of one entry: its scores under both methods and per-criterion means.</summary>
public sealed record RankInput(
    int EntryId,
    int TrackId,
    double? RawMean,
    double? NormalisedMean,
    /// <summary>Per criterion id: the mean score as a share of the criterion's maximum (0–1).</summary>
    IReadOnlyDictionary<int, double> CriterionMeans,
    DateTimeOffset? FinalisedAt);

/// <summary>A criterion in the order tie-breaks consult it: highest weight first, then rubric order.</summary>
public sealed record TieBreakCriterion(int Id, string Name);

/// <summary>
/// The rank of an entry within its track. <see cref="TieBreak"/> says, when the entry and the one just
/// above it had the same score, which rule put them in this order (a localizer key with arguments).
/// </summary>
public sealed record RankedEntry(RankInput Entry, int Rank, double? Score, string? TieBreak, object[] TieBreakArguments);

/// <summary>
/// Ranks entries per track, best first. Written tie-breaks, applied in this order when scores are equal
/// (to 4 decimals): 1. the higher mean on each criterion in order of weight (heaviest first); 2. the higher
/// score under the other method (raw if ranking by normalised, and the reverse); 3. the earlier
/// finalisation; 4. the lower entry number. Entries without any submitted review come last, unranked
/// among themselves only by the last two rules.
/// </summary>
public static class Ranking
{
    private const int Decimals = 4;

    public static IReadOnlyList<RankedEntry> Rank(IEnumerable<RankInput> entries, IReadOnlyList<TieBreakCriterion> criteria, RankingMethod method)
    {
        var result = new List<RankedEntry>();
        foreach (var track in entries.GroupBy(e => e.TrackId).OrderBy(g => g.Key))
        {
            var ordered = track.ToList();
            ordered.Sort((a, b) => Compare(a, b, criteria, method).Order);
            for (var i = 0; i < ordered.Count; i++)
            {
                var (_, reason, args) = i == 0 ? (0, null, []) : Compare(ordered[i - 1], ordered[i], criteria, method);
                result.Add(new RankedEntry(ordered[i], i + 1, ScoreOf(ordered[i], method), reason, args));
            }
        }
        return result;
    }

    public static double? ScoreOf(RankInput entry, RankingMethod method) =>
        method == RankingMethod.Raw ? entry.RawMean : entry.NormalisedMean;

    /// <summary>Negative when <paramref name="a"/> ranks above <paramref name="b"/>; with the rule that decided it when scores tie.</summary>
    private static (int Order, string? Reason, object[] Arguments) Compare(RankInput a, RankInput b, IReadOnlyList<TieBreakCriterion> criteria, RankingMethod method)
    {
        var byScore = Descending(ScoreOf(a, method), ScoreOf(b, method));
        if (byScore != 0) return (byScore, null, []);
        foreach (var criterion in criteria)
        {
            var order = Descending(Mean(a, criterion.Id), Mean(b, criterion.Id));
            if (order != 0) return (order, "同分，按“{0}”得分排序", [criterion.Name]);
        }
        var other = method == RankingMethod.Raw ? RankingMethod.Normalised : RankingMethod.Raw;
        var byOther = Descending(ScoreOf(a, other), ScoreOf(b, other));
        if (byOther != 0) return (byOther, other == RankingMethod.Raw ? "同分，按原始平均分排序" : "同分，按标准化平均分排序", []);
        var byTime = (a.FinalisedAt ?? DateTimeOffset.MaxValue).CompareTo(b.FinalisedAt ?? DateTimeOffset.MaxValue);
        if (byTime != 0) return (byTime, "同分，定稿较早者在前", []);
        return (a.EntryId.CompareTo(b.EntryId), "同分，按作品编号排序", []);
    }

    private static double? Mean(RankInput entry, int criterionId) =>
        entry.CriterionMeans.TryGetValue(criterionId, out var mean) ? mean : null;

    /// <summary>Higher first, missing last, equal when the same to <see cref="Decimals"/> places.</summary>
    private static int Descending(double? a, double? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : 1) : -1;
        return Math.Round(b.Value, Decimals).CompareTo(Math.Round(a.Value, Decimals));
    }

    /// <summary>How many of a track's ranked entries advance: a share (rounded up) when one is set, else the count.</summary>
    public static int AdvancingCount(int rankedEntries, int? count, decimal? sharePercent)
    {
        if (sharePercent is { } share) return (int)Math.Min(rankedEntries, Math.Ceiling(rankedEntries * share / 100m));
        return Math.Min(rankedEntries, Math.Max(0, count ?? 0));
    }

    /// <summary>True when the judges' totals of one entry lie further apart than the threshold (to discuss before ranking).</summary>
    public static bool Disagree(IReadOnlyCollection<double> totals, decimal threshold) =>
        totals.Count >= 2 && totals.Max() - totals.Min() > (double)threshold;
}
