using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>Why a request could not claim an upload: it is not the member's, no longer takes bytes, or another request writes it.</summary>
public enum LeaseRefusal { NotFound, NotReceiving, Busy }

public sealed record LeaseClaim(UploadLease? Lease, SubmissionUpload? Upload, LeaseRefusal? Refusal = null, TimeSpan RetryAfter = default);

/// <summary>
/// One writer per upload: a request claims the upload's row with a conditional update (free or expired lease,
/// still receiving) before it writes a byte, and every later step (renewal, completion) is conditional on
/// still holding it. A second request at the same time is refused and writes nothing.
/// </summary>
public sealed class UploadLeases(ContestDbContext db, IServiceScopeFactory scopes, IOptions<SubmissionUploadOptions> options,
    TimeProvider clock, ILogger<UploadLeases> logger)
{
    public async Task<LeaseClaim> ClaimAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var until = now + options.Value.WriterLease;
        var claimed = await db.SubmissionUploads
            .Where(u => u.Id == id && u.UserId == userId && u.Status == SubmissionUploadStatus.Receiving && (u.LeaseOwner == null || u.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LeaseOwner, owner).SetProperty(u => u.LeaseExpiresAt, until), cancellationToken);
        var upload = await CurrentAsync(id, userId, cancellationToken);
        if (claimed == 1 && upload is not null)
            return new LeaseClaim(new UploadLease(id, owner, options.Value.WriterLease, this, clock), upload);
        if (upload is null) return new LeaseClaim(null, null, LeaseRefusal.NotFound);
        if (upload.Status != SubmissionUploadStatus.Receiving) return new LeaseClaim(null, upload, LeaseRefusal.NotReceiving);
        var wait = upload.LeaseExpiresAt is { } expires && expires > now ? expires - now : TimeSpan.FromSeconds(1);
        return new LeaseClaim(null, upload, LeaseRefusal.Busy, wait);
    }

    /// <summary>A wait as the client is told it: whole seconds, at least one.</summary>
    public static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>The row as the database has it now (conditional updates bypass the tracked copy).</summary>
    public async Task<SubmissionUpload?> CurrentAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        if (db.SubmissionUploads.Local.FirstOrDefault(u => u.Id == id) is { } tracked)
        {
            await db.Entry(tracked).ReloadAsync(cancellationToken);
            return db.Entry(tracked).State == EntityState.Detached || tracked.UserId != userId ? null : tracked;
        }
        return await db.SubmissionUploads.FirstOrDefaultAsync(u => u.Id == id && u.UserId == userId, cancellationToken);
    }

    /// <summary>Extends the lease; false when this request no longer holds it (it must then stop writing).</summary>
    internal async Task<bool> RenewAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var fresh = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
            var until = clock.GetUtcNow() + options.Value.WriterLease;
            return await fresh.SubmissionUploads.Where(u => u.Id == id && u.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LeaseExpiresAt, until), cancellationToken) == 1;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not renew the writer lease of upload {Id}", id);
            return false;
        }
    }

    internal async Task ReleaseAsync(Guid id, string owner)
    {
        using var scope = scopes.CreateScope();
        var fresh = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        await fresh.SubmissionUploads.Where(u => u.Id == id && u.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LeaseOwner, (string?)null).SetProperty(u => u.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
    }
}

/// <summary>
/// A held lease: renewed every third of its length while the request works, and <see cref="Lost"/> is
/// cancelled when a renewal fails or the lease would run out, so a writer never writes past its own lease.
/// </summary>
public sealed class UploadLease : IAsyncDisposable
{
    private readonly UploadLeases _leases;
    private readonly CancellationTokenSource _lost;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private bool _released;

    internal UploadLease(Guid uploadId, string owner, TimeSpan length, UploadLeases leases, TimeProvider clock)
    {
        UploadId = uploadId;
        Owner = owner;
        _leases = leases;
        // Stop a little before the lease really ends, so the next writer never overlaps this one.
        var safe = length * 0.8;
        _lost = new CancellationTokenSource(safe, clock);
        _renewing = RenewAsync(length / 3, safe, clock);
    }

    public Guid UploadId { get; }
    public string Owner { get; }
    public CancellationToken Lost => _lost.Token;

    private async Task RenewAsync(TimeSpan every, TimeSpan safe, TimeProvider clock)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(every, clock, _stop.Token);
                if (!await _leases.RenewAsync(UploadId, Owner, _stop.Token))
                {
                    await _lost.CancelAsync();
                    return;
                }
                _lost.CancelAfter(safe);
            }
        }
        catch (OperationCanceledException)
        {
            // Released: the request is done with the upload.
        }
    }

    /// <summary>
    /// The completion freed the row in its own update: disposing then only stops renewals, with no second write from another
    /// connection (which, inside a recipe's open transaction on SQLite, would wait for that transaction's lock).
    /// </summary>
    internal void FreedByCompletion() => _released = true;

    /// <summary>Ends renewals without freeing the row (a completion that changed the status frees it in the same update).</summary>
    public async Task StopRenewingAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync();
        if (!_released)
        {
            _released = true;
            await _leases.ReleaseAsync(UploadId, Owner);
        }
        _lost.Dispose();
        _stop.Dispose();
    }
}
