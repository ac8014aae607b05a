using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContestSite.Benchmarks.PublicPages;

/// <summary>Runs Debian's wrk and reads its summary (requests/s and the 99th percentile latency).</summary>
internal static partial class Wrk
{
    private const int Threads = 2;
    private const int Connections = 32;

    public static string Arguments(int seconds) => $"-t{Threads} -c{Connections} -d{seconds}s --latency";

    public static bool IsInstalled() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "wrk"))) == true;

    public static async Task<(double Rps, double P99Ms)> RunAsync(string url, int seconds)
    {
        var start = new ProcessStartInfo("wrk", $"{Arguments(seconds)} {url}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");
        if (NonSuccess().Match(output) is { Success: true } bad) throw new InvalidOperationException($"{url}: {bad.Value}");
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var p99 = P99().Match(output);
        return (rps, p99.Success ? Milliseconds(p99.Groups[1].Value, p99.Groups[2].Value) : double.NaN);
    }

    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "s" => 1000,
        _ => 1,
    };

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();
}
