using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Bundles.Masking.Csv;
using ContestSite.Core.Catalog;

namespace ContestSite.Benchmarks.Masking;

/// <summary>
/// Masks a generated CSV of the given size (MB, default 1024) and compares it with a plain copy of the same
/// file in the same run. Targets: masking at least half the copy's speed; working-set growth while masking
/// under 100 MB whatever the size.
/// </summary>
internal static class MaskingBenchmark
{
    private const int StreamBuffer = 1 << 16;
    private const double MB = 1024 * 1024;
    private const int Rounds = 5;
    private static readonly byte[] ScratchBlock = new byte[1 << 20];

    public static async Task<int> RunAsync(string[] args)
    {
        var sizeMb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
        var folder = Directory.CreateTempSubdirectory("masking-bench-").FullName;
        try
        {
            var source = Path.Combine(folder, "source.csv");
            var generating = Stopwatch.StartNew();
            var rows = SyntheticReliefCsv.Write(source, (long)(sizeMb * MB));
            var bytes = new FileInfo(source).Length;
            Console.WriteLine($"Generated {bytes / MB:F0} MB, {rows:N0} rows in {generating.Elapsed.TotalSeconds:F1} s");

            var plan = Plan();
            var beforeWarmUp = MemorySampler.WorkingSetNow();
            await WarmUpAsync(folder, plan);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var idle = MemorySampler.WorkingSetNow();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            MaskingReport? report = null;
            long peak = 0;
            // Rounds interleave the phases, so a slow spell of the machine (the kernel's writeback, another job)
            // lands on every phase alike; each phase's best round is compared.
            var copies = new List<double>();
            var maskings = new List<double>();
            var oneThreads = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                copies.Add(await TimeAsync(source, Path.Combine(folder, "copy.csv"), CopyAsync));
                await using (var sampler = new MemorySampler())
                {
                    maskings.Add(await TimeAsync(source, Path.Combine(folder, "masked.csv"), async (input, output) => report = await new CsvMasker(plan).MaskAsync(input, output)));
                    peak = Math.Max(peak, sampler.Peak);
                }
                // The same masking row by row on one thread, for how much the workers add.
                oneThreads.Add(await TimeAsync(source, Path.Combine(folder, "masked-1.csv"),
                    async (input, output) => await new CsvMasker(plan, new CsvMaskingOptions { Workers = 1 }).MaskAsync(input, output)));
            }
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (2 * Rounds);
            var (copy, masking, oneThread) = (copies.Min(), maskings.Min(), oneThreads.Min());

            Console.WriteLine($"Copy:    {bytes / MB / copy,8:F0} MB/s ({copy:F2} s, best of {Seconds(copies)})");
            Console.WriteLine($"Masking: {bytes / MB / masking,8:F0} MB/s ({masking:F2} s, best of {Seconds(maskings)}), {report!.RowsOut:N0} rows out, {report.RowsSkipped} skipped");
            Console.WriteLine($"Ratio:   {copy / masking:F2} of the copy's speed (target >= 0.50), with {new CsvMaskingOptions().Workers} workers");
            Console.WriteLine($"1 thread:{bytes / MB / oneThread,8:F0} MB/s ({oneThread:F2} s, best of {Seconds(oneThreads)}), ratio {copy / oneThread:F2}");
            Console.WriteLine($"Memory:  working set idle {idle / MB:F0} MB, peak while masking {peak / MB:F0} MB, growth {(peak - idle) / MB:F1} MB (target < 100), " +
                $"{(peak - beforeWarmUp) / MB:F1} MB over the working set before the warm-up ({beforeWarmUp / MB:F0} MB); " +
                $"allocated {allocated / MB:F1} MB a run ({(double)allocated / rows:F2} bytes a row); process peak {Process.GetCurrentProcess().PeakWorkingSet64 / MB:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Masks a small file both ways first, so the timed runs use fully compiled code: without this the first
    /// timed run also pays for the JIT's early, slow tier and looks worse than the second.
    /// </summary>
    private static async Task WarmUpAsync(string folder, MaskingPlan plan)
    {
        var warmUp = Path.Combine(folder, "warm-up.csv");
        SyntheticReliefCsv.Write(warmUp, 64L << 20);
        foreach (var workers in new[] { 1, new CsvMaskingOptions().Workers, 1, new CsvMaskingOptions().Workers })
        {
            await using var input = File.OpenRead(warmUp);
            await new CsvMasker(plan, new CsvMaskingOptions { Workers = workers }).MaskAsync(input, Stream.Null);
        }
        File.Delete(warmUp);
    }

    internal static MaskingPlan Plan()
    {
        var names = SyntheticReliefCsv.Header.Split(',');
        var sensitive = new HashSet<string> { "姓名", "身份证号", "手机号", "家庭住址", "电子邮箱" };
        var fields = names.Select(n => new DatasetField { Name = n, IsSensitive = sensitive.Contains(n) });
        MaskingRuleChoice[] rules = [new("姓名", "PersonName"), new("身份证号", "IdCardNumber"), new("手机号", "MobilePhone"), new("家庭住址", "Address"), new("电子邮箱", "Email")];
        return MaskingPlan.Build(fields, rules, Encoding.UTF8.GetBytes("benchmark-contest-key-2020")).Plan!;
    }

    private static string Seconds(IEnumerable<double> rounds) => string.Join(" / ", rounds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)));

    private static async Task CopyAsync(Stream input, Stream output) => await input.CopyToAsync(output, 1 << 20);

    /// <summary>
    /// Writes every dirty page to disk before a phase: the kernel writes back what the previous phase wrote
    /// (or the generator) in the background, on the same two cores, and that would be charged to whichever
    /// phase happens to run next.
    /// </summary>
    private static async Task FlushDirtyPagesAsync()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        if (sync is not null) await sync.WaitForExitAsync();
    }

    /// <summary>
    /// Writes and deletes a scratch file as large as the source just before a phase. On these virtual
    /// machines memory the guest has left free for a few seconds goes back to the host, and the first write
    /// into it pays a host page fault per page (measured: 1 GB into the page cache takes 1.5-2.4 s instead
    /// of 0.25 s). Which phase meets such memory depends on how long the one before took, so without this the
    /// ratio is mostly noise; with it every phase writes into memory freed a moment before.
    /// </summary>
    private static async Task FreshenPageCacheAsync(string folder, long bytes)
    {
        var scratch = Path.Combine(folder, "scratch.bin");
        // CreateNew, not Create: .NET creates by truncating, and ext4 writes back a truncated file as soon as it is closed.
        await using (var file = new FileStream(scratch, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
        {
            for (long written = 0; written < bytes; written += ScratchBlock.Length) await file.WriteAsync(ScratchBlock);
        }
        // Deleted while still dirty, the pages are dropped unwritten and go back to the free lists.
        File.Delete(scratch);
    }

    /// <summary>Runs one phase from file to file and returns its seconds; the output file is deleted after.</summary>
    private static async Task<double> TimeAsync(string source, string target, Func<Stream, Stream, Task> phase)
    {
        await FlushDirtyPagesAsync();
        await FreshenPageCacheAsync(Path.GetDirectoryName(target)!, new FileInfo(source).Length * 11 / 10);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBuffer, FileOptions.SequentialScan | FileOptions.Asynchronous))
        await using (var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, StreamBuffer, FileOptions.Asynchronous))
        {
            await phase(input, output);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        // CPU time says what a phase costs even when other work shares the cores and blurs the wall-clock figures.
        Console.WriteLine($"  ({Path.GetFileNameWithoutExtension(target)}: {seconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU)");
        File.Delete(target);
        return seconds;
    }
}
