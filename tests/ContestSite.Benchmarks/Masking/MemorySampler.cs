using System.Diagnostics;

namespace ContestSite.Benchmarks.Masking;

/// <summary>Samples the process working set every few milliseconds while a phase runs, keeping the peak.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public MemorySampler() => sampling = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            Peak = Math.Max(Peak, process.WorkingSet64);
            try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
        }
    });

    public long Peak { get; private set; }

    public static long WorkingSetNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
