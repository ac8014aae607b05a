using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContestSite.Data;

/// <summary>
/// Work that may only happen once a change is durable (anchoring the audit chain outside the database, waking
/// the mail dispatcher): run at once when no transaction is open, else when the open one commits. A transaction
/// that rolls back or never ends (a crash) takes its work with it.
/// </summary>
public sealed class AfterCommit : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, List<Action>> _waiting = [];

    public void Run(DbContext db, Action action)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            action();
            return;
        }
        var actions = _waiting.GetValue(transaction.GetDbTransaction(), _ => []);
        lock (actions) actions.Add(action);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        if (!_waiting.TryGetValue(transaction, out var actions)) return;
        _waiting.Remove(transaction);
        List<Action> toRun;
        lock (actions) toRun = [.. actions];
        foreach (var action in toRun) action();
    }
}
