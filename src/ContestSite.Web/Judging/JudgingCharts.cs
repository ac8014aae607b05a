using ContestSite.Core.Judging;
using ContestSite.Web.Judging.UseCases;

namespace ContestSite.Web.Judging;

/// <summary>One row of a strip chart: a label, its points (0–100), and their mean and spread.</summary>
public sealed record StripRow(string Label, IReadOnlyList<double> Points, double Mean, double Spread);

/// <summary>A strip chart: rows of points on a 0–100 axis over a reference band (the round's mean ± σ).</summary>
public sealed record StripChart(string Title, string Description, IReadOnlyList<StripRow> Rows, double ReferenceMean, double ReferenceSpread);

/// <summary>The data of the results charts, computed from the round report; the SVG is drawn by _StripChart.</summary>
public static class JudgingCharts
{
    /// <summary>Each judge's totals against the round's mean and spread: who scores harshly or generously.</summary>
    public static IReadOnlyList<StripRow> JudgeRows(RoundReport report) =>
        report.Reviews.GroupBy(r => r.JudgeId).Select(g =>
        {
            var totals = g.Select(r => r.Total).ToList();
            var (mean, spread) = ScoreNormaliser.MeanAndSpread(totals);
            return new StripRow(report.JudgeNames.GetValueOrDefault(g.Key, g.Key), totals, mean, spread);
        }).OrderBy(r => r.Mean).ToList();

    /// <summary>Per track, the entries' raw mean totals.</summary>
    public static IReadOnlyList<StripRow> TrackRows(RoundReport report, IReadOnlyDictionary<int, string> trackNames) =>
        report.Rows.Where(r => r.Outcome.RawMean is not null).GroupBy(r => r.TrackId).Select(g =>
        {
            var means = g.Select(r => r.Outcome.RawMean!.Value).ToList();
            var (mean, spread) = ScoreNormaliser.MeanAndSpread(means);
            return new StripRow(trackNames.GetValueOrDefault(g.Key, ""), means, mean, spread);
        }).ToList();

    /// <summary>The x coordinate of a score in a plot that starts at <paramref name="left"/> and is <paramref name="width"/> wide.</summary>
    public static string X(double score, int left, int width) =>
        (left + Math.Clamp(score, 0, 100) * width / 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
