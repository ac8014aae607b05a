using System.Data.Common;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ContestSite.Data;

/// <summary>
/// SQLite has one writer at a time; a connection that finds the database locked is made to sleep and try again
/// (Microsoft.Data.Sqlite sleeps a thread between tries), so a rush of writers wastes most of its time asleep and
/// starves the thread pool. This gate queues this process's write transactions instead: one holds it from BEGIN to
/// COMMIT or ROLLBACK, the next is let in at once. Writers in other processes still meet SQLite's own lock.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    /// <summary>As long as SQLite's own busy timeout: a writer that waits longer fails as it would have without the gate.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>The connections (EF's connection ids) holding the gate: at most one.</summary>
    private readonly ConcurrentDictionary<Guid, byte> _holders = [];

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!await _gate.WaitAsync(MaxWait, cancellationToken))
            throw new TimeoutException("Waited 30 s for another write transaction of this process to finish (SQLite has one writer at a time).");
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!_gate.Wait(MaxWait))
            throw new TimeoutException("Waited 30 s for another write transaction of this process to finish (SQLite has one writer at a time).");
        _holders[eventData.ConnectionId] = 0;
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result) => result;

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception in between) is rolled back by SQLite when
    // its connection closes: the gate is let go then.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Release(Guid connectionId)
    {
        if (_holders.TryRemove(connectionId, out _)) _gate.Release();
    }

    public void Dispose() => _gate.Dispose();
}
