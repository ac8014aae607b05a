using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

/// <summary>
/// This node's view of announcement publish times, for the output cache: cached public pages vary by
/// "which announcements are visible now" and never live past the next scheduled one. Reloaded after every
/// change made here and on every tick of <see cref="AnnouncementJob"/> (to see other nodes' changes).
/// </summary>
public sealed class AnnouncementSchedule(IServiceScopeFactory scopes, IOutputCacheStore cache, TimeProvider clock) : IPublicContentSchedule, IDisposable
{
    private volatile PublicationCalendar? _calendar;
    private DateTimeOffset? _visibleSince;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<(string Version, TimeSpan Lifetime)> DescribeAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        var calendar = _calendar ?? await ReloadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var since = calendar.VisibleSince(now);
        return (since?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", calendar.CacheLifetime(now, longest));
    }

    /// <summary>Reads the publish times again; evicts cached pages when what is visible has changed.</summary>
    public async Task<PublicationCalendar> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
            var now = clock.GetUtcNow();
            var future = await db.Announcements.Where(a => a.PublishAt != null && a.PublishAt > now).Select(a => a.PublishAt!.Value).ToListAsync(cancellationToken);
            var latest = await db.Announcements.VisibleAt(now).OrderByDescending(a => a.PublishAt).Select(a => a.PublishAt).FirstOrDefaultAsync(cancellationToken);
            var calendar = new PublicationCalendar(latest is { } l ? [.. future, l] : future);
            var since = calendar.VisibleSince(now);
            if (_calendar is not null && since != _visibleSince) await cache.EvictByTagAsync(PublicCacheTags.Announcements, cancellationToken);
            _visibleSince = since;
            _calendar = calendar;
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>After an organizer's change: drop every cached public page that shows announcements.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        await ReloadAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicCacheTags.Announcements, cancellationToken);
    }
}
