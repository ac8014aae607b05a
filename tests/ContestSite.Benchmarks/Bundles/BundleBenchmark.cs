using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ContestSite.Benchmarks.Masking;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;
using ContestSite.Web.Bundles.Serving;
using ContestSite.Web.Hosting;
using ContestSite.Web.Storage;

namespace ContestSite.Benchmarks.Bundles;

/// <summary>
/// Serves a generated CSV of the given size (MB, default 1024) into a bundle zip the way the download does:
/// ResourceWriter into a zip entry behind a HashingWriteStream (SHA-256 on the way), the zip itself written to a
/// non-seekable HashingWriteStream as on the response body. Masked against as stored (same path, no plan) in the same run.
/// Calls the components directly rather than through HTTP: the endpoint needs a team, an approval and a signed-in user,
/// and the HTTP layer would add the same cost to both runs.
/// </summary>
internal static class BundleBenchmark
{
    private const double MB = 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizeMb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
        var folder = Directory.CreateTempSubdirectory("bundle-bench-").FullName;
        try
        {
            var paths = new AppDataPaths(folder, "app-data");
            var store = new LocalFileStore(paths, new StoredFileVerifications(), Microsoft.Extensions.Logging.Abstractions.NullLogger<LocalFileStore>.Instance);
            var writer = new ResourceWriter(store, paths);
            var resource = await StoreAsync(store, paths, sizeMb);
            var warmUp = await StoreAsync(store, paths, 32);
            var plan = MaskingBenchmark.Plan();
            foreach (var p in new[] { null, plan }) await ServeAsync(writer, warmUp, p, Path.Combine(folder, "warm-up.zip"));

            var stored = await MeasureAsync("as stored", writer, resource, null, folder);
            var masked = await MeasureAsync("masked", writer, resource, plan, folder);
            var mb = resource.SizeBytes / MB;
            Console.WriteLine($"File:    {mb:F0} MB CSV");
            Console.WriteLine($"Stored:  {mb / stored.Seconds,8:F0} MB/s ({stored.Seconds:F2} s), zip {stored.ZipBytes / MB:F0} MB, peak working-set growth {stored.Growth / MB:F1} MB");
            Console.WriteLine($"Masked:  {mb / masked.Seconds,8:F0} MB/s ({masked.Seconds:F2} s), zip {masked.ZipBytes / MB:F0} MB, peak working-set growth {masked.Growth / MB:F1} MB");
            Console.WriteLine($"Ratio:   masked bundle at {stored.Seconds / masked.Seconds:F2} of the as-stored bundle's speed");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Run(double Seconds, long ZipBytes, long Growth);

    private static async Task<Run> MeasureAsync(string name, ResourceWriter writer, DatasetResource resource, MaskingPlan? plan, string folder)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var idle = MemorySampler.WorkingSetNow();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long bytes, peak;
        await using (var sampler = new MemorySampler())
        {
            bytes = await ServeAsync(writer, resource, plan, Path.Combine(folder, "bundle.zip"));
            peak = sampler.Peak;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        // CPU time says what it costs when other work shares the cores and blurs the wall-clock figure.
        Console.WriteLine($"  ({name}: {seconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU)");
        return new Run(seconds, bytes, peak - idle);
    }

    /// <summary>One file into a fresh zip, as BundleIssuer does it; returns the zip's size.</summary>
    private static async Task<long> ServeAsync(ResourceWriter writer, DatasetResource resource, MaskingPlan? plan, string target)
    {
        await using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var body = new HashingWriteStream(_ => Task.FromResult<Stream>(file), ownsTarget: false);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, CancellationToken.None))
        {
            await using var sink = new HashingWriteStream(async ct => await zip.CreateEntry("数据集/people.csv", CompressionLevel.Fastest).OpenAsync(ct), ownsTarget: true);
            var served = await writer.WriteAsync(resource, plan, sink, CancellationToken.None);
            if (!served.Served) throw new InvalidOperationException(served.Problem);
            _ = sink.Sha256();
        }
        await body.DisposeAsync();
        File.Delete(target);
        return body.BytesWritten;
    }

    /// <summary>Generates the CSV in the store's temporary folder and moves it in, as an upload would end.</summary>
    private static async Task<DatasetResource> StoreAsync(IFileStore store, AppDataPaths paths, int sizeMb)
    {
        var path = Path.Combine(paths.Temp, Guid.NewGuid().ToString("N") + ".csv");
        SyntheticReliefCsv.Write(path, (long)(sizeMb * MB));
        string sha;
        await using (var read = File.OpenRead(path)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read));
        await using var pending = await store.StageAsync(path, sha);
        var stored = await pending.CommitAsync();
        return new DatasetResource { FileName = "people.csv", SizeBytes = stored.Size, StorageKey = stored.Key, ContentHash = stored.Sha256 };
    }
}
