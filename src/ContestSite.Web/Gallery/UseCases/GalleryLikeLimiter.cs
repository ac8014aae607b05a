using Microsoft.Extensions.Options;

namespace ContestSite.Web.Gallery.UseCases;

/// <summary>
/// A fixed window of likes per account, so a script behind one account cannot flood the count. The window runs on the
/// injected <see cref="TimeProvider"/> (tests move it with the site's clock); accounts whose window has passed are
/// dropped at most once a window, so memory holds only the accounts that liked in the last two windows.
/// </summary>
public sealed class GalleryLikeLimiter(IOptions<GalleryOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = [];
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public bool TryAcquire(string userId)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            SweepStale(now);
            if (!_windows.TryGetValue(userId, out var window) || !IsCurrent(window.Start, now)) window = (now, 0);
            if (window.Count >= options.Value.LikesPerMinute) return false;
            _windows[userId] = (window.Start, window.Count + 1);
            return true;
        }
    }

    /// <summary>How many accounts are remembered (for tests of the memory bound).</summary>
    public int TrackedAccounts
    {
        get { lock (_lock) return _windows.Count; }
    }

    /// <summary>A clock set back before a window's start (tests, or a corrected system clock) starts a new window.</summary>
    private static bool IsCurrent(DateTimeOffset start, DateTimeOffset now) => now >= start && now - start < Window;

    private void SweepStale(DateTimeOffset now)
    {
        if (IsCurrent(_lastSweep, now)) return;
        _lastSweep = now;
        foreach (var (userId, window) in _windows)
            if (!IsCurrent(window.Start, now)) _windows.Remove(userId);
    }
}
