using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>Precision@10 and nDCG@10 (binary gains) of each analysis strategy on the judged queries.</summary>
internal static class RelevanceEvaluation
{
    private const int Cutoff = 10;

    public sealed record Score(AnalysisStrategy Strategy, double PrecisionAt10, double NdcgAt10, Dictionary<string, (double P, double Ndcg)> PerQuery);

    public static async Task<List<Score>> RunAsync(IReadOnlyList<Dataset> datasets, string workFolder)
    {
        var scores = new List<Score>();
        foreach (var strategy in Enum.GetValues<AnalysisStrategy>())
        {
            var folder = Path.Combine(workFolder, "relevance-" + strategy);
            using var index = new CatalogIndex(new CatalogIndexOptions { Folder = folder, Strategy = strategy });
            await index.RebuildAsync(datasets);
            var perQuery = new Dictionary<string, (double, double)>();
            foreach (var judged in RelevanceSet.Queries)
            {
                var relevantInCorpus = datasets.Count(d => judged.IsRelevant(d.Title));
                var hits = index.Searcher.Search(new CatalogQuery { Text = judged.Query, PageSize = Cutoff }).Items;
                var gains = hits.Select(h => judged.IsRelevant(h.Title) ? 1.0 : 0.0).ToList();
                perQuery[judged.Query] = (gains.Sum() / Cutoff, Ndcg(gains, relevantInCorpus));
            }
            scores.Add(new Score(strategy, perQuery.Values.Average(v => v.Item1), perQuery.Values.Average(v => v.Item2), perQuery));
        }
        return scores;
    }

    public static void Print(List<Score> scores)
    {
        Console.WriteLine();
        Console.WriteLine("Relevance of the analysis strategies (real catalogues, judged by title rules)");
        Console.WriteLine($"{"query",-10}" + string.Concat(scores.Select(s => $" | {s.Strategy + " P@10",14} {"nDCG@10",8}")));
        foreach (var judged in RelevanceSet.Queries)
        {
            Console.WriteLine($"{judged.Query,-10}" + string.Concat(scores.Select(s => $" | {s.PerQuery[judged.Query].P,14:F2} {s.PerQuery[judged.Query].Ndcg,8:F3}")));
        }
        foreach (var kind in Enum.GetValues<RelevanceSet.Kind>())
        {
            var queries = RelevanceSet.Queries.Where(q => q.Of == kind).Select(q => q.Query).ToList();
            Console.WriteLine($"{"mean " + kind + " (" + queries.Count + ")",-10}" + string.Concat(scores.Select(s =>
                $" | {queries.Average(q => s.PerQuery[q].P),14:F3} {queries.Average(q => s.PerQuery[q].Ndcg),8:F3}")));
        }
        Console.WriteLine($"{"mean (" + RelevanceSet.Queries.Length + ")",-10}" + string.Concat(scores.Select(s => $" | {s.PrecisionAt10,14:F3} {s.NdcgAt10,8:F3}")));
    }

    private static double Ndcg(List<double> gains, int relevantInCorpus)
    {
        var dcg = gains.Select((g, i) => g / Math.Log2(i + 2)).Sum();
        var ideal = Enumerable.Range(0, Math.Min(Cutoff, relevantInCorpus)).Sum(i => 1 / Math.Log2(i + 2));
        return ideal == 0 ? 0 : dcg / ideal;
    }
}
