using System.Diagnostics;
using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>
/// Relevance of the analysis strategies on the real catalogues, then speed at 100,000 datasets:
/// indexing throughput, index size, query latency with facets, against SQLite LIKE and FTS5 trigram.
/// </summary>
internal static class CatalogBenchmark
{
    private const int CatalogueSize = 100_000;
    private const int QueryCount = 200;
    private const int SqlQueryCount = 40;

    public static async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("catalog-bench-").FullName;
        try
        {
            var real = await OpenCatalogueFiles.LoadAllAsync();
            Console.WriteLine($"Real catalogues: {real.Count} datasets from {OpenCatalogueFiles.PortalFiles.Length} portals");
            var scores = await RelevanceEvaluation.RunAsync(real, work);
            RelevanceEvaluation.Print(scores);
            var best = scores.OrderByDescending(s => s.NdcgAt10).First();
            Console.WriteLine($"Best by nDCG@10: {best.Strategy}; the index uses {new CatalogIndexOptions { Folder = work }.Strategy}");

            var datasets = SyntheticCatalogue.Build(real, CatalogueSize);
            using var index = new CatalogIndex(new CatalogIndexOptions { Folder = Path.Combine(work, "speed") });
            var indexing = Stopwatch.StartNew();
            await index.RebuildAsync(datasets);
            indexing.Stop();
            Console.WriteLine();
            Console.WriteLine($"Indexed {index.Count:N0} datasets in {indexing.Elapsed.TotalSeconds:F1} s: {datasets.Count / indexing.Elapsed.TotalSeconds:N0} docs/s; index size {index.SizeOnDisk() / 1048576.0:F1} MB");

            var queries = QueryMix.Build(datasets, QueryCount);
            var lucene = TimeLucene(index.Searcher, queries);
            Console.WriteLine($"Lucene, {queries.Count} queries with facets: p50 {Percentiles.Of(lucene, 50):F2} ms, p95 {Percentiles.Of(lucene, 95):F2} ms, max {lucene.Max():F2} ms");

            foreach (var (time, query) in lucene.Zip(queries).OrderByDescending(p => p.First).Take(5))
            {
                Console.WriteLine($"  slow: {time,7:F2} ms  text '{query.Text}' filters {string.Join(' ', query.Filters().Select(f => f.Key + '=' + string.Join('|', f.Value)))} sort {query.Sort}");
            }

            CompareWithSqlite(work, datasets, queries.Take(SqlQueryCount).ToList(), lucene.Take(SqlQueryCount).ToList());
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static List<double> TimeLucene(CatalogSearcher searcher, List<CatalogQuery> queries)
    {
        foreach (var query in queries.Take(30))
        {
            searcher.Search(query);
        }
        var times = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            searcher.Search(query);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static void CompareWithSqlite(string work, List<Dataset> datasets, List<CatalogQuery> queries, List<double> lucene)
    {
        var loading = Stopwatch.StartNew();
        using var sqlite = new SqliteBaseline(work, datasets);
        Console.WriteLine($"SQLite baseline loaded in {loading.Elapsed.TotalSeconds:F1} s ({sqlite.SizeOnDisk / 1048576.0:F1} MB with FTS5)");
        Console.WriteLine($"Same first {queries.Count} queries (text + filters + total + page + 6 facet group-bys):");
        Print("Lucene", lucene, lucene);
        foreach (var mode in Enum.GetValues<SqliteBaseline.TextMode>())
        {
            sqlite.Run(queries[0], mode);
            var times = queries.Select(q => sqlite.Run(q, mode).Milliseconds).ToList();
            Print("SQLite " + mode, times, lucene);
        }
    }

    private static void Print(string name, List<double> times, List<double> lucene)
    {
        double P(List<double> t, double p) => Percentiles.Of(t, p);
        Console.WriteLine(
            $"  {name,-20} p50 {P(times, 50),8:F2} ms  p95 {P(times, 95),8:F2} ms  mean {times.Average(),8:F2} ms" +
            $"  | vs Lucene: p50 ×{P(times, 50) / P(lucene, 50),6:F1}  p95 ×{P(times, 95) / P(lucene, 95),6:F1}  mean ×{times.Average() / lucene.Average(),6:F1}");
    }
}
