using System.Collections.Concurrent;
using System.Diagnostics;
using ContestSite.Web.Files;
using ContestSite.Web.Hosting;
using ContestSite.Web.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Files;

public sealed class ThumbnailQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Queued_jobs_are_processed_and_reported()
    {
        var sink = new CollectingSink(expected: 3);
        using var queue = Queue(new DelegateHandler(job => Completed(job)), sink, capacity: 10, timeout: TimeSpan.FromSeconds(5));
        await queue.StartAsync(CancellationToken.None);

        foreach (var key in new[] { "a", "b", "c" }) Assert.True(queue.TryEnqueue(new ThumbnailJob(key)));

        var outcomes = await sink.All.WaitAsync(Patience);
        Assert.Equal(["a", "b", "c"], outcomes.Select(o => o.Job.SourceKey).Order());
        Assert.All(outcomes, o => Assert.Equal(ThumbnailJobStatus.Completed, o.Status));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_past_its_timeout_is_abandoned_and_reported_and_the_next_job_still_runs()
    {
        using var stuck = new ManualResetEventSlim();
        var sink = new CollectingSink(expected: 2);
        var handler = new DelegateHandler(job =>
        {
            // Ignores its cancellation token, as a decoder busy in synchronous code would.
            if (job.SourceKey == "stuck") stuck.Wait(Patience);
            return Completed(job);
        });
        using var queue = Queue(handler, sink, capacity: 10, timeout: TimeSpan.FromMilliseconds(200), workers: 1);
        await queue.StartAsync(CancellationToken.None);

        queue.TryEnqueue(new ThumbnailJob("stuck"));
        queue.TryEnqueue(new ThumbnailJob("next"));

        var outcomes = await sink.All.WaitAsync(Patience);
        stuck.Set();
        var abandoned = Assert.Single(outcomes, o => o.Job.SourceKey == "stuck");
        Assert.Equal(ThumbnailJobStatus.TimedOut, abandoned.Status);
        Assert.Equal("生成缩略图超过 0.2 秒，已放弃", abandoned.Message);
        Assert.Equal(ThumbnailJobStatus.Completed, Assert.Single(outcomes, o => o.Job.SourceKey == "next").Status);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_full_queue_refuses_more_work_at_once()
    {
        using var queue = Queue(new DelegateHandler(Completed), new CollectingSink(expected: 1), capacity: 2, timeout: TimeSpan.FromSeconds(1));
        var timer = Stopwatch.StartNew();

        var accepted = Enumerable.Range(0, 3).Select(i => queue.TryEnqueue(new ThumbnailJob($"job{i}"))).ToArray();

        Assert.Equal([true, true, false], accepted);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(1), $"took {timer.Elapsed}");
    }

    [Fact]
    public async Task The_stored_image_handler_saves_each_thumbnail_in_the_file_store()
    {
        var root = Directory.CreateTempSubdirectory("thumbs").FullName;
        try
        {
            var store = new LocalFileStore(new AppDataPaths(root, "App_Data"), new StoredFileVerifications(), Microsoft.Extensions.Logging.Abstractions.NullLogger<LocalFileStore>.Instance);
            var original = await store.SaveAsync(new MemoryStream(TestImages.Png(800, 600)), 10 * 1024 * 1024);
            var handler = new StoredImageThumbnailHandler(store, new ThumbnailMaker(new ImageInspector(new ImageLimits()), new ThumbnailSettings()));

            var outcome = await handler.HandleAsync(new ThumbnailJob(original.Key), CancellationToken.None);

            Assert.Equal(ThumbnailJobStatus.Completed, outcome.Status);
            Assert.Equal([(320, 240), (640, 480), (800, 600)], outcome.Thumbnails.Select(t => (t.Width, t.Height)));
            Assert.All(outcome.Thumbnails, t => Assert.True(store.Exists(t.File.Key)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ThumbnailQueue Queue(IThumbnailJobHandler handler, IThumbnailOutcomeSink sink, int capacity, TimeSpan timeout, int workers = 2)
    {
        var options = new FileLimitsOptions { Thumbnails = { QueueCapacity = capacity, JobTimeout = timeout, Workers = workers } };
        return new ThumbnailQueue(handler, sink, Options.Create(options), TimeProvider.System, NullLogger<ThumbnailQueue>.Instance);
    }

    private static ThumbnailJobOutcome Completed(ThumbnailJob job) => new(job, ThumbnailJobStatus.Completed, [], null);

    private sealed class DelegateHandler(Func<ThumbnailJob, ThumbnailJobOutcome> handle) : IThumbnailJobHandler
    {
        public Task<ThumbnailJobOutcome> HandleAsync(ThumbnailJob job, CancellationToken cancellationToken) => Task.FromResult(handle(job));
    }

    private sealed class CollectingSink(int expected) : IThumbnailOutcomeSink
    {
        private readonly ConcurrentQueue<ThumbnailJobOutcome> _outcomes = new();
        private readonly TaskCompletionSource<IReadOnlyList<ThumbnailJobOutcome>> _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<ThumbnailJobOutcome>> All => _all.Task;

        public Task RecordAsync(ThumbnailJobOutcome outcome, CancellationToken cancellationToken)
        {
            _outcomes.Enqueue(outcome);
            if (_outcomes.Count >= expected) _all.TrySetResult(_outcomes.ToArray());
            return Task.CompletedTask;
        }
    }
}
