using Microsoft.Extensions.Options;

namespace ContestSite.Web.Announcements;

/// <summary>
/// On every node, every <see cref="AnnouncementOptions.PollInterval"/>: mails the audience of announcements
/// whose time has come (once, whichever node gets there first) and refreshes the cache's view of the schedule.
/// </summary>
public sealed class AnnouncementJob(IServiceScopeFactory scopes, AnnouncementSchedule schedule, IOptions<AnnouncementOptions> options,
    TimeProvider clock, ILogger<AnnouncementJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away (restart, failover): the next tick tries again.
                logger.LogWarning(ex, "Announcement job failed; retrying at the next tick");
            }
            // One wait per pass, not a periodic timer: after a pause (a suspended host, a clock set forward) one pass follows, not one per missed period.
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass of the job: reloads the schedule and mails what is due; returns how many announcements it mailed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await schedule.ReloadAsync(cancellationToken);
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementMailer>().SendDueAsync(cancellationToken);
    }
}
