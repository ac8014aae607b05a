using System.Diagnostics;
using System.Globalization;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Catalog.Performance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>
/// The opening-performance report (开放目录绩效) on a SQLite file of <c>count</c> published datasets (default 100,000):
/// four in five of Zhejiang (60 provincial departments, the 11 cities), the rest of other provinces. Times the report's
/// queries (grouped in the database) after one warm-up, five runs.
/// </summary>
internal static class PerformanceReportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var folder = Directory.CreateTempSubdirectory("performance-bench-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteContestDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
            await using (var db = new SqliteContestDbContext(options))
            {
                await db.Database.MigrateAsync();
                var random = new Random(19);
                var year = DateTimeOffset.UtcNow.Year;
                var load = Stopwatch.StartNew();
                for (var start = 0; start < count; start += 5000)
                {
                    db.Datasets.AddRange(Enumerable.Range(start, Math.Min(5000, count - start)).Select(i => Generated(i, random, year)));
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
                Console.WriteLine($"Loaded:  {count:N0} datasets in {load.Elapsed.TotalSeconds:F1} s");
            }
            var times = new List<double>();
            PerformanceReport? report = null;
            for (var run = 0; run < 6; run++)
            {
                await using var db = new SqliteContestDbContext(options);
                var performance = new OpeningPerformance(db, Options.Create(new CatalogTargetsOptions()), TimeProvider.System);
                var watch = Stopwatch.StartNew();
                report = await performance.ReportAsync(null);
                if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"Report:  {report!.Departments.Count} departments, {report.Cities.Count} cities; median {times[times.Count / 2]:F0} ms, worst {times[^1]:F0} ms over {times.Count} runs");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dataset Generated(int i, Random random, int year)
    {
        var published = new DateTimeOffset(year - random.Next(0, 6), random.Next(1, 13), 1, 0, 0, 0, TimeSpan.FromHours(8));
        var zhejiang = i % 5 != 0;
        var city = zhejiang && i % 3 == 0 ? ZhejiangProviders.Cities[random.Next(ZhejiangProviders.Cities.Count)] : zhejiang ? null : "南京市";
        return new Dataset
        {
            Title = "数据集 " + i.ToString(CultureInfo.InvariantCulture), Province = zhejiang ? "浙江省" : "江苏省", City = city,
            Provider = city is not null ? city + "大数据局" : $"省厅{random.Next(60)}", Status = DatasetStatus.Published,
            OpenType = (OpenType)random.Next(3), FirstPublished = published, CreatedAt = published, UpdatedAt = published, DownloadCount = random.Next(1000),
        };
    }
}
