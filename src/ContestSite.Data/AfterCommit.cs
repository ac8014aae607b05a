using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ContestSite.Data;

/// <summary>
/// Work that may only happen once a change is durable (anchoring the audit chain outside the database, waking
/// the mail dispatcher): run at once when no transaction is open, else when the open one commits. A transaction
/// that rolls back or never ends (a crash) takes its work with it. Work is kept by EF's transaction id, never by
/// the ADO.NET transaction object, which a provider may recycle for a later transaction.
/// </summary>
public sealed class AfterCommit : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly ConcurrentDictionary<Guid, Waiting> _waiting = new();

    private sealed record Waiting(Guid ConnectionId, List<Action> Actions);

    public void Run(DbContext db, Action action)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            action();
            return;
        }
        var connectionId = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalConnection>().ConnectionId;
        var waiting = _waiting.GetOrAdd(transaction.TransactionId, _ => new Waiting(connectionId, []));
        lock (waiting.Actions) waiting.Actions.Add(action);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.TransactionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.TransactionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _waiting.TryRemove(eventData.TransactionId, out _);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _waiting.TryRemove(eventData.TransactionId, out _);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => _waiting.TryRemove(eventData.TransactionId, out _);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _waiting.TryRemove(eventData.TransactionId, out _);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback ends with its connection at the latest: forget its work.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Forget(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Forget(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    private void Forget(Guid connectionId)
    {
        foreach (var (transactionId, waiting) in _waiting)
            if (waiting.ConnectionId == connectionId) _waiting.TryRemove(transactionId, out _);
    }

    private void Committed(Guid transactionId)
    {
        if (!_waiting.TryRemove(transactionId, out var waiting)) return;
        List<Action> toRun;
        lock (waiting.Actions) toRun = [.. waiting.Actions];
        foreach (var action in toRun) action();
    }
}
