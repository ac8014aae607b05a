using System.Diagnostics;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using ContestSite.Web.Files;

namespace ContestSite.Benchmarks.Submissions;

/// <summary>
/// The zip check of a source package: a large honest zip (3,000 source-like text files and 30 incompressible
/// binaries, written by ZipArchive) inspected by <see cref="ZipInspector"/> (directory, every local header,
/// every entry decompressed and CRC-checked) against System.IO.Compression.ZipArchive reading every entry to
/// nowhere, without and with a CRC-32 of each entry, in alternating rounds on the same file from the page cache. Also times the refusal of a zip whose
/// headers declare 1,000 bytes for 150 MB. With a path, inspects that file instead and prints the verdict.
/// </summary>
internal static class ZipCheckBenchmark
{
    private const double MB = 1024 * 1024;
    private const int Rounds = 7;

    public static int Run(string[] args)
    {
        if (args.Length > 0) return InspectOne(args[0]);
        var folder = Directory.CreateTempSubdirectory("zip-check-bench-").FullName;
        try
        {
            var inspector = new ZipInspector(new ZipLimits(), folder);
            var path = Path.Combine(folder, "honest.zip");
            var uncompressed = WriteHonestZip(path);
            Console.WriteLine($"Zip:      {new FileInfo(path).Length / MB:F1} MB holding {uncompressed / MB:F1} MB in 3,030 entries");

            var checks = new List<double>();
            var baselines = new List<double>();
            var withCrcs = new List<double>();
            for (var round = 0; round < Rounds; round++)
            {
                checks.Add(Time(() => Check(inspector, path)));
                baselines.Add(Time(() => ReadWithZipArchive(path, crc: false)));
                withCrcs.Add(Time(() => ReadWithZipArchive(path, crc: true)));
            }
            // The first round warms the JIT and the page cache for all three; it is left out.
            var check = checks.Skip(1).Order().ToList();
            var baseline = baselines.Skip(1).Order().ToList();
            var withCrc = withCrcs.Skip(1).Order().ToList();
            Console.WriteLine($"Check:    best {check[0]:F0} ms, median {Median(check):F0} ms ({uncompressed / MB / (Median(check) / 1000):F0} MB/s decompressed)");
            Console.WriteLine($"Baseline: best {baseline[0]:F0} ms, median {Median(baseline):F0} ms (ZipArchive reading every entry; .NET 10 checks no CRC)");
            Console.WriteLine($"  + CRC:  best {withCrc[0]:F0} ms, median {Median(withCrc):F0} ms (the same with a CRC-32 of every entry, as an extractor that checks them)");
            Console.WriteLine($"Ratio:    the check takes {Median(check) / Median(baseline):F2}× the baseline's time (median), {check[0] / baseline[0]:F2}× (best); "
                + $"{Median(check) / Median(withCrc):F2}× the baseline with CRC (median)");

            var lying = Path.Combine(folder, "lying.zip");
            WriteLyingZip(lying);
            ZipInspection? verdict = null;
            var refusal = Enumerable.Range(0, 5).Min(_ => Time(() => verdict = Inspect(inspector, lying)));
            Console.WriteLine($"Lie:      {new FileInfo(lying).Length / 1024.0:F0} KB zip declaring 1,000 bytes for 150 MB refused in {refusal:F2} ms: {verdict!.Refusal}");
            return verdict.IsSafe ? 1 : 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int InspectOne(string path)
    {
        var inspector = new ZipInspector(new ZipLimits(), Path.GetTempPath());
        ZipInspection? verdict = null;
        var ms = Time(() => verdict = Inspect(inspector, path));
        Console.WriteLine($"{path}: {(verdict!.IsSafe ? "safe" : verdict.Refusal)} ({verdict.EntryCount} entries, {verdict.TotalUncompressedBytes:N0} bytes, {ms:F0} ms)");
        return verdict.IsSafe ? 0 : 1;
    }

    private static void Check(ZipInspector inspector, string path)
    {
        var verdict = Inspect(inspector, path);
        if (!verdict.IsSafe) throw new InvalidOperationException($"the honest zip was refused: {verdict.Refusal}");
    }

    private static ZipInspection Inspect(ZipInspector inspector, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        return inspector.Inspect(file);
    }

    private static void ReadWithZipArchive(string path, bool crc)
    {
        using var archive = ZipFile.OpenRead(path);
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            var hash = new Crc32();
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                if (crc) hash.Append(buffer.AsSpan(0, read));
            }
            if (crc && hash.GetCurrentHashAsUInt32() != entry.Crc32) throw new InvalidDataException($"CRC of {entry.FullName}");
        }
    }

    private static double Time(Action action)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Source-like text (compresses about 4:1) and random binaries (do not compress): returns the uncompressed total.</summary>
    private static long WriteHonestZip(string path)
    {
        var random = new Random(2020);
        string[] words = ["var", "return", "public", "static", "class", "数据", "开放", "if", "else", "for", "await", "string", "int", "new", "null", "=>", "{", "}", "(", ")", ";", "dataset", "catalog", "team", "round"];
        long total = 0;
        using var file = File.Create(path);
        using var archive = new ZipArchive(file, ZipArchiveMode.Create);
        var text = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            text.Clear();
            var target = random.Next(20_000, 60_000);
            while (text.Length < target)
            {
                text.Append(' ', random.Next(0, 12));
                for (var w = random.Next(3, 12); w > 0; w--) text.Append(words[random.Next(words.Length)]).Append(random.Next(3) == 0 ? random.Next(1000).ToString() : "").Append(' ');
                text.Append('\n');
            }
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            total += bytes.Length;
            using var entry = archive.CreateEntry($"src/module{i / 100}/file{i}.cs", CompressionLevel.Optimal).Open();
            entry.Write(bytes);
        }
        var binary = new byte[2 * 1024 * 1024];
        for (var i = 0; i < 30; i++)
        {
            random.NextBytes(binary);
            total += binary.Length;
            using var entry = archive.CreateEntry($"assets/model{i}.bin", CompressionLevel.Fastest).Open();
            entry.Write(binary);
        }
        return total;
    }

    /// <summary>One deflated entry of 150 MB of zeros whose headers (local and central) both say 1,000 bytes.</summary>
    private static void WriteLyingZip(string path)
    {
        using (var file = File.Create(path))
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
        {
            using var entry = archive.CreateEntry("zeros.bin", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 150; i++) entry.Write(zeros);
        }
        var bytes = File.ReadAllBytes(path);
        var local = 0;
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), 1000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + 24), 1000);
        File.WriteAllBytes(path, bytes);
    }
}
