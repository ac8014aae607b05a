using System.Diagnostics;
using System.Globalization;

namespace ContestSite.Benchmarks.Masking;

/// <summary>
/// The peak working set while a phase runs. On Linux the kernel keeps the peak itself (VmHWM, reset by
/// writing 5 to /proc/self/clear_refs), which costs nothing while masking runs; elsewhere the working set
/// is sampled every 20 ms (each sample costs about 0.2 ms of CPU, which would blur the timing).
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private const string Status = "/proc/self/status";
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling = Task.CompletedTask;
    private readonly bool kernelPeak;
    private long sampledPeak;

    public MemorySampler()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            kernelPeak = KernelPeak() > 0;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        if (!kernelPeak) sampling = Task.Run(SampleAsync);
    }

    public long Peak => kernelPeak ? KernelPeak() : sampledPeak;

    public static long WorkingSetNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            sampledPeak = Math.Max(sampledPeak, process.WorkingSet64);
            try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
        }
    }

    private static long KernelPeak()
    {
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
