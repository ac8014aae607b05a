using Microsoft.EntityFrameworkCore;

namespace ContestSite.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: the caller's if one is open, else a new one committed when
    /// the work returns (and rolled back when it throws). For changes saved by code that saves on its own (Identity's
    /// UserManager) together with their audit entry.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null) return await work();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static Task InTransactionAsync(this DbContext db, Func<Task> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () => { await work(); return true; }, cancellationToken);
}
