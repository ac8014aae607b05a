using System.Threading.RateLimiting;

namespace ContestSite.Web.Throttling;

/// <summary>
/// A fixed window of permits on the injected <see cref="TimeProvider"/>. The framework's window limiters run on the
/// machine clock and their own timers; this one lets the site's clock (and the tests' clock) decide when a window
/// ends. Like <c>GalleryLikeLimiter</c>, a clock set back before the window's start opens a new window.
/// </summary>
public sealed class ClockWindowLimiter(int permitLimit, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private static readonly RateLimitLease Acquired = new WindowLease(null);
    private readonly Lock _lock = new();
    private DateTimeOffset _start = DateTimeOffset.MinValue;
    private int _used;

    /// <summary>Idle once its window has passed: the partitioned limiter may then drop it, which loses nothing.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                return IsCurrent(now) ? null : now < _start ? TimeSpan.Zero : now - (_start + window);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
            return new RateLimiterStatistics { CurrentAvailablePermits = IsCurrent(clock.GetUtcNow()) ? permitLimit - _used : permitLimit };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (!IsCurrent(now)) (_start, _used) = (now, 0);
            // Zero permits asks "is any left?" without taking one.
            if (_used + Math.Max(permitCount, 1) > permitLimit) return new WindowLease(_start + window - now);
            _used += permitCount;
            return Acquired;
        }
    }

    // No queue: a request over the limit is refused at once rather than held open.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private bool IsCurrent(DateTimeOffset now) => now >= _start && now - _start < window;

    private sealed class WindowLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
