using ContestSite.Data;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Email;

/// <summary>
/// Sends queued mail. Each message is claimed with a lease before sending, so several nodes can run
/// this side by side; a failure schedules a retry with backoff, and after the last attempt the
/// message is marked failed (kept, never deleted).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<SiteOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly string _node = NodeName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The outbox dispatcher failed; it will try again");
            }
            try
            {
                await signal.WaitAsync(options.Value.Smtp.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    private static string NodeName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}";
        return name.Length > 100 ? name[..100] : name;
    }

    /// <summary>Sends what is due now; returns how many messages it handled.</summary>
    public async Task<int> SendDueBatchAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var now = clock.GetUtcNow();
        var dueIds = await db.Outbox
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(smtp.BatchSize).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in dueIds)
        {
            var leaseEnd = now + Lease;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd).SetProperty(m => m.LockedBy, _node), cancellationToken);
            if (claimed == 0) continue;
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            handled++;
            try
            {
                await transport.SendAsync(MimeMessages.From(message, smtp.From), cancellationToken);
                var sentAt = clock.GetUtcNow();
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.Attempts, message.Attempts + 1)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var giveUp = attempts >= smtp.MaxAttempts;
                var nextAttempt = clock.GetUtcNow() + RetrySchedule.DelayAfter(attempts, smtp);
                var failedAt = giveUp ? clock.GetUtcNow() : (DateTimeOffset?)null;
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}): {Error}", id, message.ToAddress, attempts, error);
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, nextAttempt)
                    .SetProperty(m => m.FailedAt, failedAt)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            }
        }
        return handled;
    }
}
