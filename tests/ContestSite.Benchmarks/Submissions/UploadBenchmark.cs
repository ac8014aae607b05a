using System.Diagnostics;
using System.Net;

namespace ContestSite.Benchmarks.Submissions;

/// <summary>
/// Uploads a 1 GB demo video through the site on loopback (64 MB chunks, the resumable protocol) and
/// copies the same file on the same disk in the same run; prints both speeds, the ratio, and the site
/// process's resident-memory growth during the upload (sampled, and the kernel's high-water mark).
/// </summary>
internal static class UploadBenchmark
{
    private const long Size = 1L << 30;
    private const long Chunk = 64L << 20;

    public static async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("upload-bench-").FullName;
        try
        {
            var source = Path.Combine(work, "demo.mp4");
            await WriteVideoAsync(source);
            var copy = await TimeCopyAsync(source, Path.Combine(work, "copy.mp4"));
            File.Delete(Path.Combine(work, "copy.mp4"));
            Console.WriteLine($"copy on the same disk: {copy.TotalSeconds:F2} s, {Size / copy.TotalSeconds / 1048576:F0} MB/s");

            var appData = Path.Combine(work, "site");
            await using var site = await SiteUnderTest.StartAsync(appData, new Dictionary<string, string>
            {
                ["ContestSite__Submissions__Files__VideoMaxMegabytes"] = "2048",
                ["ContestSite__Submissions__Files__TeamRoundMaxMegabytes"] = "4096",
            });
            var (roundId, emails) = await site.SeedAsync(1);
            using var client = new BenchClient(site.Root);
            await client.SignInAsync(emails[0], SiteUnderTest.Password);
            var token = await client.TokenAsync($"/submissions/{roundId}");
            GC.Collect();
            await Task.Delay(1000);
            var before = site.Memory();

            var (upload, peakSampled) = await TimeUploadAsync(client, site, roundId, source, token);
            var after = site.Memory();
            Console.WriteLine($"upload through the site: {upload.TotalSeconds:F2} s, {Size / upload.TotalSeconds / 1048576:F0} MB/s");
            Console.WriteLine($"speed ratio site/copy: {copy.TotalSeconds / upload.TotalSeconds:P0} (target ≥ 70%)");
            Console.WriteLine($"site memory: RSS before {before.Rss / 1048576.0:F0} MB, peak sampled {peakSampled / 1048576.0:F0} MB, " +
                              $"growth {(peakSampled - before.Rss) / 1048576.0:F0} MB (target < 150 MB); kernel high-water mark {before.Peak / 1048576.0:F0} → {after.Peak / 1048576.0:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>An MP4 header (ftyp isom) followed by pseudo-random bytes, so nothing compresses or deduplicates.</summary>
    private static async Task WriteVideoAsync(string path)
    {
        var block = new byte[8 << 20];
        new Random(42).NextBytes(block);
        byte[] ftyp = [0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        for (long written = 0; written < Size; written += block.Length)
        {
            if (written == 0) ftyp.CopyTo(block, 0);
            block[^1] = (byte)(written >> 23); // every block differs
            await file.WriteAsync(block);
        }
        file.Flush(flushToDisk: true);
    }

    private static async Task<TimeSpan> TimeCopyAsync(string from, string to)
    {
        var watch = Stopwatch.StartNew();
        await using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
        await using (var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await source.CopyToAsync(target);
            target.Flush(flushToDisk: true);
        }
        return watch.Elapsed;
    }

    private static async Task<(TimeSpan Elapsed, long PeakRss)> TimeUploadAsync(BenchClient client, SiteUnderTest site, int roundId, string source, string token)
    {
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) { peak = Math.Max(peak, site.Memory().Rss); await Task.Delay(20); }
        });
        var watch = Stopwatch.StartNew();
        var id = await client.StartUploadAsync(roundId, "Video", "demo.mp4", Size, token);
        HttpStatusCode last = 0;
        for (long offset = 0; offset < Size; offset += Chunk)
        {
            using var response = await client.PatchAsync(id, offset, new FileSliceContent(source, offset, Math.Min(Chunk, Size - offset)), token);
            last = response.StatusCode;
            if (last is not (HttpStatusCode.NoContent or HttpStatusCode.OK)) throw new InvalidOperationException($"chunk at {offset}: {last} {await response.Content.ReadAsStringAsync()}");
        }
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        if (last != HttpStatusCode.OK) throw new InvalidOperationException("the upload did not complete");
        return (watch.Elapsed, peak);
    }
}
