using System.Globalization;
using System.Net;
using ContestSite.Core.Announcements;
using ContestSite.Web.Announcements;
using ContestSite.Web.Announcements.UseCases;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContestSite.Benchmarks.PublicPages;

/// <summary>
/// Starts the site (SQLite, default recipe, 40 announcements, 24 gallery entries with screenshots) on a loopback port and measures with wrk the
/// requests per second of the public pages, served from the output cache, against the site's static
/// 200-byte endpoint in the same run. Target: every cached page at least half the static endpoint's rate.
/// </summary>
internal static class PublicPagesBenchmark
{
    private const double Target = 0.5;
    private const int Rounds = 3;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        if (!Wrk.IsInstalled())
        {
            Console.Error.WriteLine("wrk is missing: apt-get install -y wrk");
            return 2;
        }
        var appData = Directory.CreateTempSubdirectory("public-pages-bench-").FullName;
        await using var app = await StartSiteAsync(appData);
        try
        {
            var root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var detailId = await SeedAsync(app.Services);
            var entryId = await GallerySeed.SeedAsync(app.Services, 24);
            string[] paths = ["/bench/static", "/", "/gallery", $"/gallery/{entryId}", "/announcements", $"/announcements/{detailId}", "/announcements/feed.atom"];
            await WarmUpAsync(root, paths);
            Console.WriteLine($"wrk {Wrk.Arguments(seconds)} on {root}, {Environment.ProcessorCount} cores, server in this process, median of {Rounds} interleaved rounds");

            // Rounds interleave the pages, so a burst of load from elsewhere on the machine hits all of them alike;
            // each page's figure is its median over the rounds.
            var runs = paths.ToDictionary(p => p, _ => new List<(double Rps, double P99Ms)>());
            for (var round = 0; round < Rounds; round++)
                foreach (var path in paths)
                    runs[path].Add(await Wrk.RunAsync(root + path, seconds));
            return Report(paths.Select(p => (p, Median(runs[p].Select(r => r.Rps)), Median(runs[p].Select(r => r.P99Ms)))).ToList());
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(appData, recursive: true); } catch (IOException) { }
        }
    }

    private static int Report(List<(string Path, double Rps, double P99Ms)> results)
    {
        var baseline = results[0].Rps;
        Console.WriteLine();
        Console.WriteLine($"{"page",-28} {"requests/s",12} {"p99 ms",8} {"vs static",10}");
        var failed = false;
        foreach (var (path, rps, p99) in results)
        {
            var ratio = rps / baseline;
            var verdict = path == results[0].Path ? "(baseline)" : ratio >= Target ? "" : "BELOW TARGET";
            failed |= verdict == "BELOW TARGET";
            Console.WriteLine($"{path,-28} {rps,12:N0} {p99,8:F1} {ratio,10:P0} {verdict}");
        }
        Console.WriteLine($"Target: every cached public page >= {Target:P0} of /bench/static");
        return failed ? 1 : 0;
    }

    private static async Task<WebApplication> StartSiteAsync(string appData)
    {
        var repository = RepositoryRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            // The site's assembly, not this one, is where Razor Pages are discovered.
            ApplicationName = typeof(SiteHost).Assembly.GetName().Name,
            ContentRootPath = Path.Combine(repository, "src", "ContestSite.Web"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContestSite:AppDataPath"] = appData,
            ["ContestSite:Smtp:Host"] = "",
            ["ContestSite:Setup:AdminPassword"] = "Bench-organizer-2020",
            ["ContestSite:Setup:Recipe"] = Path.Combine(repository, "recipes", "default.recipe.json"),
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddContestSite();
        var app = builder.Build();
        app.UseContestSite();
        await app.StartAsync();
        return app;
    }

    /// <summary>Announcements through the organizers' own use case, so the cache's schedule knows them; returns one to open.</summary>
    private static async Task<int> SeedAsync(IServiceProvider services)
    {
        var id = 0;
        for (var i = 1; i <= 40; i++)
        {
            using var scope = services.CreateScope();
            var save = scope.ServiceProvider.GetRequiredService<SaveAnnouncement>();
            var input = new AnnouncementInput
            {
                Title = $"第 {i} 号公告：数据开放专题", Category = AnnouncementCategories.All[i % 4], Pinned = i % 13 == 0, Mode = PublishMode.Now,
                Body = $"## 第 {i} 号\n\n本公告说明赛程安排与数据使用要求。\n\n- 初赛提交截止：10 月 31 日\n- 复赛：11 月\n\n| 轮次 | 截止 |\n|---|---|\n| 初赛 | 10-31 |\n",
            };
            var result = await save.RunAsync(null, input, null);
            if (!result.Saved) throw new InvalidOperationException(string.Join("; ", result.Refusals.Select(r => r.ChineseText)));
            id = result.Id;
        }
        return id;
    }

    /// <summary>Fills the cache and checks that each page answers 200 and is then served from the cache.</summary>
    private static async Task WarmUpAsync(string root, IEnumerable<string> paths)
    {
        using var http = new HttpClient();
        foreach (var path in paths)
        {
            using var first = await http.GetAsync(root + path);
            using var second = await http.GetAsync(root + path);
            if (first.StatusCode != HttpStatusCode.OK || second.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{path} answered {(int)second.StatusCode}");
            var bytes = (await second.Content.ReadAsByteArrayAsync()).Length;
            var cached = second.Headers.Age is not null ? "served from the output cache" : "not cached";
            Console.WriteLine($"{path,-28} {bytes,7:N0} bytes, {cached}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContestSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("ContestSite.sln not found above " + AppContext.BaseDirectory);
    }
}
