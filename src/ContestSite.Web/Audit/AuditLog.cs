using System.Security.Claims;
using ContestSite.Core.Audit;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit;

/// <summary>What to write to the audit log; who and from where are filled in from the request.</summary>
public sealed record AuditEvent(string Action, string? Subject = null, string? Outcome = null, string? Detail = null)
{
    public string? ActorId { get; init; }
    public string? ActorName { get; init; }
    public int? TeamId { get; init; }
    public Guid? DatasetId { get; init; }
}

public interface IAuditLog
{
    /// <summary>
    /// Saves every pending change of the request's database context and the entry in one transaction: the
    /// change does not happen without its entry, nor the entry without the change. Inside a transaction the
    /// caller opened, the entry joins it (and commits or rolls back with it).
    /// </summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same, with the event described after the pending changes are saved (inside the transaction), so it
    /// can name what the database just numbered: <c>audit.AppendAsync(() =&gt; new AuditEvent(…, $"team:{team.Id}"))</c>.
    /// </summary>
    Task<AuditEntry> AppendAsync(Func<AuditEvent> describe, CancellationToken cancellationToken = default);
}

/// <summary>
/// Appends to the chain through the request's database context. The chain head row is locked first (an
/// UPDATE of itself), so appends from every thread and every node queue in the database, one after another,
/// each after the one before has committed; the entry's id is the head's sequence plus one and its hash an
/// HMAC with the current chain key over the head's hash and the entry. The anchor outside the database is
/// written once the transaction commits.
/// </summary>
public sealed class AuditLog(ContestDbContext db, AuditChainKeys keys, AuditAnchor anchor, AfterCommit afterCommit, IHttpContextAccessor httpContextAccessor, TimeProvider clock) : IAuditLog
{
    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        AppendAsync(() => auditEvent, cancellationToken);

    public async Task<AuditEntry> AppendAsync(Func<AuditEvent> describe, CancellationToken cancellationToken = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        AuditEntry? entry = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            entry = NewEntry(describe());
            // Taking the head's row lock before reading it is what orders writers: a second writer waits here.
            var locked = await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.TheOne)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), cancellationToken);
            if (locked != 1) throw new InvalidOperationException("The audit chain head row is missing; the database was not migrated.");
            var head = await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.TheOne, cancellationToken);
            var key = keys.Current;
            entry.Id = head.Sequence + 1;
            entry.PreviousHash = head.Hash;
            entry.KeyId = key.Id;
            entry.Hash = AuditChain.ComputeHash(entry, key.Bytes);
            db.AuditEntries.Add(entry);
            head.Sequence = entry.Id;
            head.Hash = entry.Hash;
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(head).State = EntityState.Detached;
            var point = new AuditAnchorPoint(entry.Id, entry.Hash, entry.At);
            afterCommit.Run(db, () => anchor.Record(point));
            if (own is not null) await own.CommitAsync(cancellationToken);
            return entry;
        }
        catch
        {
            // A caller that retries on fresh data must not save this entry a second time.
            if (entry is not null && db.Entry(entry).State != EntityState.Detached) db.Entry(entry).State = EntityState.Detached;
            foreach (var head in db.ChangeTracker.Entries<AuditChainHead>().ToList()) head.State = EntityState.Detached;
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private AuditEntry NewEntry(AuditEvent auditEvent)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        var at = clock.GetUtcNow();
        return new AuditEntry
        {
            // The stored moment is what the hash must cover: round it the way the database keeps it.
            At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero),
            ActorId = auditEvent.ActorId ?? user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = Truncate(auditEvent.ActorName ?? user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name, 256),
            Action = auditEvent.Action,
            Subject = Truncate(auditEvent.Subject, 200),
            Outcome = Truncate(auditEvent.Outcome, 100),
            Detail = Truncate(auditEvent.Detail, 8000),
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            TeamId = auditEvent.TeamId,
            DatasetId = auditEvent.DatasetId,
            PreviousHash = "",
            Hash = "",
        };
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
