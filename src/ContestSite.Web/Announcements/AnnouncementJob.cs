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
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await schedule.ReloadAsync(stoppingToken);
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<AnnouncementMailer>().SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly away (restart, failover): the next tick tries again.
                logger.LogWarning(ex, "Announcement job failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
