using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Files;

/// <summary>
/// Makes thumbnails off the request: a bounded channel that refuses work at once when full (the upload
/// still succeeds; the image waits for a later sweep), a fixed number of workers, and a time limit per
/// job after which the job is abandoned and reported as timed out.
/// </summary>
public sealed class ThumbnailQueue(
    IThumbnailJobHandler handler,
    IThumbnailOutcomeSink sink,
    IOptions<FileLimitsOptions> options,
    TimeProvider clock,
    ILogger<ThumbnailQueue> logger) : BackgroundService
{
    private readonly ThumbnailSettings _settings = options.Value.Thumbnails;

    private readonly Channel<ThumbnailJob> _jobs = Channel.CreateBounded<ThumbnailJob>(new BoundedChannelOptions(options.Value.Thumbnails.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    /// <summary>False at once when the queue is full: a request must never wait on background work.</summary>
    public bool TryEnqueue(ThumbnailJob job) => _jobs.Writer.TryWrite(job);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _settings.Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
            {
                var outcome = await RunWithTimeoutAsync(job, stoppingToken);
                await sink.RecordAsync(outcome, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: jobs still queued are lost from memory only; the database still lists them as pending.
        }
    }

    private async Task<ThumbnailJobOutcome> RunWithTimeoutAsync(ThumbnailJob job, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(_settings.JobTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        // Task.Run so that a handler stuck in synchronous decoding cannot hold the worker before the timeout applies.
        var work = Task.Run(() => handler.HandleAsync(job, linked.Token), CancellationToken.None);
        try
        {
            return await work.WaitAsync(_settings.JobTimeout, clock, stoppingToken);
        }
        catch (Exception exception) when ((exception is TimeoutException || exception is OperationCanceledException) && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Thumbnail job for {SourceKey} abandoned after {Timeout}", job.SourceKey, _settings.JobTimeout);
            ObserveAbandoned(work);
            return new ThumbnailJobOutcome(job, ThumbnailJobStatus.TimedOut, [], $"生成缩略图超过 {_settings.JobTimeout.TotalSeconds:0.###} 秒，已放弃");
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Thumbnail job for {SourceKey} failed", job.SourceKey);
            return new ThumbnailJobOutcome(job, ThumbnailJobStatus.Failed, [], "生成缩略图失败");
        }
    }

    /// <summary>An abandoned job may still end later; its result is discarded and its failure must not go unobserved.</summary>
    private void ObserveAbandoned(Task work) =>
        work.ContinueWith(finished => logger.LogDebug(finished.Exception, "Abandoned thumbnail job ended"), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
