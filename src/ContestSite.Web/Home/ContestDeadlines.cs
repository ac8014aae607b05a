using ContestSite.Core.Contests;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ContestSite.Web.Home;

/// <summary>
/// Public pages show the contest's stage and countdown, which change at each deadline: a cached page varies
/// by the next deadline and is never kept past it. The calendar is re-read every 30 seconds.
/// </summary>
public sealed class ContestDeadlines(IServiceScopeFactory scopes, IMemoryCache memory, TimeProvider clock) : IPublicContentSchedule
{
    private const string CacheKey = "home:milestones";

    public async ValueTask<(string Version, TimeSpan Lifetime)> DescribeAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        var milestones = await memory.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            using var scope = scopes.CreateScope();
            var contest = await scope.ServiceProvider.GetRequiredService<Contests.CurrentContest>().FindAsync(cancellationToken);
            return contest is null ? [] : ContestTimeline.Milestones(contest).Select(m => m.At).ToArray();
        }) ?? [];
        var now = clock.GetUtcNow();
        var next = milestones.Cast<DateTimeOffset?>().FirstOrDefault(m => m > now);
        if (next is null) return ("over", longest);
        var untilNext = next.Value - now;
        return (next.Value.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), untilNext < longest ? untilNext : longest);
    }
}
