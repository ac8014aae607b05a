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
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}

/// <summary>
/// Appends to the hash chain. The entry id is the previous id plus one and is the primary key, so two
/// writers that race (threads or nodes) cannot both extend the same entry: the loser retries on the new tail.
/// </summary>
public sealed class AuditLog(IServiceScopeFactory scopes, IHttpContextAccessor httpContextAccessor, TimeProvider clock, ILogger<AuditLog> logger) : IAuditLog
{
    private static readonly SemaphoreSlim LocalWriter = new(1, 1);
    private const int MaxAttempts = 20;

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        var actorId = auditEvent.ActorId ?? user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var actorName = auditEvent.ActorName ?? user?.FindFirstValue(ClaimTypes.Email) ?? user?.Identity?.Name;
        var ip = http?.Connection.RemoteIpAddress?.ToString();

        await LocalWriter.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
                var tail = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id)
                    .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                var entry = new AuditEntry
                {
                    Id = (tail?.Id ?? 0) + 1,
                    At = clock.GetUtcNow(),
                    ActorId = actorId,
                    ActorName = Truncate(actorName, 256),
                    Action = auditEvent.Action,
                    Subject = Truncate(auditEvent.Subject, 200),
                    Outcome = Truncate(auditEvent.Outcome, 100),
                    Detail = Truncate(auditEvent.Detail, 8000),
                    IpAddress = ip,
                    TeamId = auditEvent.TeamId,
                    DatasetId = auditEvent.DatasetId,
                    PreviousHash = tail?.Hash ?? AuditChain.GenesisHash,
                    Hash = "",
                };
                // The stored moment is what the hash must cover: round-trip it the way the database keeps it.
                entry.At = new DateTimeOffset(entry.At.UtcTicks - entry.At.UtcTicks % 10, TimeSpan.Zero);
                entry.Hash = AuditChain.ComputeHash(entry);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return entry;
                }
                catch (DbUpdateException ex) when (attempt < MaxAttempts)
                {
                    logger.LogDebug(ex, "Audit entry {Id} was taken by another writer; retrying", entry.Id);
                }
            }
        }
        finally
        {
            LocalWriter.Release();
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
