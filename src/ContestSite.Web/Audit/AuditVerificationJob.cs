using ContestSite.Core.Audit;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit;

/// <summary>
/// Runs the checks organizers ask for, one at a time on whichever node claims it first, reporting progress
/// after every page so the audit page can show it. A run whose node stopped reporting is taken over; the
/// result is itself recorded in the chain (<c>audit.verify</c>), in the name of who asked.
/// </summary>
public sealed class AuditVerificationJob(IServiceScopeFactory scopes, AuditCheckSignal signal, TimeProvider clock, ILogger<AuditVerificationJob> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    /// <summary>A running check that has not reported for this long is taken to have lost its node.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken)) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Audit check job failed; retrying at the next tick");
            }
            try { await signal.WaitAsync(PollInterval, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Claims and runs one waiting check; false when there was none.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var now = clock.GetUtcNow();
        var stale = now - StaleAfter;
        var candidate = await db.AuditVerificationRuns.AsNoTracking()
            .Where(r => r.Status == AuditVerificationStatus.Queued || (r.Status == AuditVerificationStatus.Running && r.HeartbeatAt < stale))
            .OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (candidate is null) return false;
        var claimed = await db.AuditVerificationRuns
            .Where(r => r.Id == candidate.Id && (r.Status == AuditVerificationStatus.Queued || (r.Status == AuditVerificationStatus.Running && r.HeartbeatAt < stale)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, AuditVerificationStatus.Running).SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.HeartbeatAt, now).SetProperty(r => r.Checked, 0), cancellationToken);
        if (claimed == 0) return true;

        AuditVerification result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(async done =>
                await db.AuditVerificationRuns.Where(r => r.Id == candidate.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Checked, done).SetProperty(r => r.HeartbeatAt, clock.GetUtcNow()), cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Audit check {Run} failed", candidate.Id);
            await db.AuditVerificationRuns.Where(r => r.Id == candidate.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, AuditVerificationStatus.Failed).SetProperty(r => r.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
            return true;
        }

        var run = await db.AuditVerificationRuns.SingleAsync(r => r.Id == candidate.Id, cancellationToken);
        run.Status = result.FirstBreak is null ? AuditVerificationStatus.Intact : AuditVerificationStatus.Broken;
        run.Checked = result.EntriesChecked;
        run.FinishedAt = clock.GetUtcNow();
        run.AnchoredUpTo = result.AnchoredUpTo;
        run.BrokenAt = result.FirstBreak?.EntryId;
        run.BreakKind = result.FirstBreak?.Kind;
        run.BreakPreviousId = result.FirstBreak?.PreviousId;
        run.BreakReason = result.FirstBreak?.Reason is { } reason && reason.Length > 500 ? reason[..500] : result.FirstBreak?.Reason;
        var requester = run.RequestedByUserId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == run.RequestedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        // The result and its entry are one transaction: a check the log shows is a check that finished.
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("audit.verify", $"check:{run.Id}",
            result.FirstBreak is null ? "ok" : "broken",
            result.FirstBreak is { } broken ? $"entry {broken.EntryId}: {broken.Reason}" : $"{result.EntriesChecked} entries; anchored up to {result.AnchoredUpTo}")
        { ActorId = run.RequestedByUserId, ActorName = requester }, CancellationToken.None);
        return true;
    }
}

/// <summary>Wakes the check job when a check is asked for on this node.</summary>
public sealed class AuditCheckSignal : WakeSignal;
