using ContestSite.Core.Contests;
using ContestSite.Web.Hosting;
using ContestSite.Web.Seasons;

namespace ContestSite.Web.Home;

/// <summary>
/// Public pages show the contest's stage and countdown, which change at each deadline: a cached page varies
/// by the next deadline and is never kept past it. The calendar is re-read every 30 seconds (real time).
/// </summary>
public sealed class ContestDeadlines(IServiceScopeFactory scopes, TimeProvider clock) : IPublicContentSchedule
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(DateTimeOffset[] Milestones, long ReadAt);

    public async ValueTask<(string Version, TimeSpan Lifetime)> DescribeAsync(TimeSpan longest, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || System.Diagnostics.Stopwatch.GetElapsedTime(snapshot.ReadAt) > Refresh)
            _snapshot = snapshot = await ReadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var milestone in snapshot.Milestones)
        {
            if (milestone <= now) continue;
            var untilNext = milestone - now;
            return (milestone.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), untilNext < longest ? untilNext : longest);
        }
        return ("over", longest);
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var contest = await scope.ServiceProvider.GetRequiredService<Seasons.CurrentContest>().FindAsync(cancellationToken);
        var milestones = contest is null ? [] : ContestTimeline.Milestones(contest).Select(m => m.At).ToArray();
        return new Snapshot(milestones, System.Diagnostics.Stopwatch.GetTimestamp());
    }
}
