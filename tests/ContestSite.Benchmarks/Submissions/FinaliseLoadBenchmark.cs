using System.Diagnostics;
using System.Net;
using ContestSite.Benchmarks.Catalog;

namespace ContestSite.Benchmarks.Submissions;

/// <summary>
/// 200 teams save their entry and their captain finalises it against the site process on SQLite: first
/// each team at a random moment of one minute (the last minute before a deadline), then all 200 at the
/// same instant (a worst case). Prints p50/p99 of each request and the errors of both.
/// </summary>
internal static class FinaliseLoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var teams = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var work = Directory.CreateTempSubdirectory("finalise-bench-").FullName;
        try
        {
            // All teams sign in from one loopback address: the sign-in throttle (10 a minute per address) is not what this measures.
            await using var site = await SiteUnderTest.StartAsync(work, new Dictionary<string, string>
            {
                ["ContestSite__Throttling__SignIn__PerAddress"] = "100000",
            });
            var (roundId, emails) = await site.SeedAsync(teams);
            var clients = await SignInAllAsync(site.Root, emails);
            var tokens = await Task.WhenAll(clients.Select(c => c.TokenAsync($"/submissions/{roundId}")));
            var random = new Random(2020);
            var starts = clients.Select(_ => TimeSpan.FromMilliseconds(random.Next(60_000))).ToList();

            var errors = await RunRoundAsync($"{teams} teams within one minute", clients, i => starts[i], roundId, tokens, 0);
            // Reopen every entry in the database so the same teams can finalise again, all at once.
            await site.ReopenAllAsync();
            errors += await RunRoundAsync($"{teams} teams at the same instant", clients, _ => TimeSpan.Zero, roundId, tokens, teams);
            foreach (var client in clients) client.Dispose();
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunRoundAsync(string label, List<BenchClient> clients, Func<int, TimeSpan> startOf, int roundId, string[] tokens, int titleOffset)
    {
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            await Task.Delay(startOf(i));
            return await SaveAndFinaliseAsync(client, roundId, tokens[i], titleOffset + i);
        }));
        watch.Stop();
        var times = results.SelectMany(r => r.Times).ToList();
        var errors = results.Sum(r => r.Errors);
        Console.WriteLine($"{label}: {times.Count} requests in {watch.Elapsed.TotalSeconds:F1} s; " +
                          $"p50 {Percentiles.Of(times, 50):F0} ms, p99 {Percentiles.Of(times, 99):F0} ms, max {times.Max():F0} ms (target p99 < 2000 ms); errors {errors} (target 0)");
        return errors;
    }

    private static async Task<List<BenchClient>> SignInAllAsync(Uri root, List<string> emails)
    {
        var clients = emails.Select(_ => new BenchClient(root)).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, emails.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => await clients[i].SignInAsync(emails[i], SiteUnderTest.Password));
        return clients;
    }

    private static async Task<(List<double> Times, int Errors)> SaveAndFinaliseAsync(BenchClient client, int roundId, string token, int team)
    {
        var times = new List<double>();
        var errors = 0;
        var url = $"/submissions/{roundId}";
        foreach (var (handler, fields) in new[]
        {
            ("Save", new List<KeyValuePair<string, string>> { new("Input.Title", $"作品{team}"), new("Input.Pitch", "压测"), new("__RequestVerificationToken", token) }),
            ("Finalise", new List<KeyValuePair<string, string>> { new("confirmed", "true"), new("__RequestVerificationToken", token) }),
        })
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await client.PostFormAsync($"{url}?handler={handler}", fields);
                if (response.StatusCode != HttpStatusCode.Redirect) errors++;
            }
            catch (HttpRequestException)
            {
                errors++;
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (times, errors);
    }
}
