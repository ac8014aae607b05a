namespace ContestSite.Core.Announcements;

/// <summary>
/// The publish times of announcements, as far as caching cares: a cached public page is only right until
/// the next scheduled announcement becomes visible.
/// </summary>
public sealed class PublicationCalendar(IEnumerable<DateTimeOffset> publishTimes)
{
    private readonly DateTimeOffset[] _times = publishTimes.Order().ToArray();

    /// <summary>The latest publish time at or before <paramref name="now"/>: pages rendered under the same value show the same announcements.</summary>
    public DateTimeOffset? VisibleSince(DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        foreach (var time in _times)
        {
            if (time > now) break;
            latest = time;
        }
        return latest;
    }

    public DateTimeOffset? NextAfter(DateTimeOffset now) => _times.Cast<DateTimeOffset?>().FirstOrDefault(t => t > now);

    /// <summary>How long a page rendered at <paramref name="now"/> may be kept: at most <paramref name="longest"/>, and never past the next publish time.</summary>
    public TimeSpan CacheLifetime(DateTimeOffset now, TimeSpan longest) =>
        NextAfter(now) is { } next && next - now < longest ? next - now : longest;
}
