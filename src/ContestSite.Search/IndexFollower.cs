namespace ContestSite.Search;

/// <summary>
/// Keeps the index in step with the database's change log. Each pass applies the changes after the
/// cursor (re-reading the datasets, so only the latest state counts), commits the index, and only then
/// saves the cursor. A crash between the two re-applies the same changes next time, which is harmless:
/// upserts replace by id and deletes of absent ids do nothing.
/// Change ids come from a sequence, and a transaction can commit a lower id after a higher one is
/// visible. So the cursor never moves past a gap in the ids until the change after the gap is older
/// than <see cref="SettleTime"/>: a late transaction is picked up, and a rolled-back id is let go.
/// </summary>
public sealed class IndexFollower(CatalogIndex index, ICatalogChangeSource source, TimeProvider time)
{
    public const int BatchSize = 500;

    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(30);

    /// <summary>Applies one batch; returns how many changes were applied (0 when up to date).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var cursor = await source.LoadCursorAsync(cancellationToken);
        var changes = await source.ReadChangesAfterAsync(cursor, BatchSize, cancellationToken);
        if (changes.Count == 0)
        {
            return 0;
        }
        var ids = changes.Select(c => c.DatasetId).Distinct().ToList();
        var datasets = (await source.LoadDatasetsAsync(ids, cancellationToken)).ToDictionary(d => d.Id);
        foreach (var id in ids)
        {
            if (datasets.TryGetValue(id, out var dataset))
            {
                index.Upsert(dataset);
            }
            else
            {
                index.Delete(id);
            }
        }
        index.Commit();

        var settledUpTo = SettledCursor(cursor, changes.Select(c => (c.Id, c.At)), time.GetUtcNow());
        if (settledUpTo > cursor)
        {
            await source.SaveCursorAsync(settledUpTo, cancellationToken);
        }
        return changes.Count;
    }

    /// <summary>The highest id up to which no change can still appear: contiguous ids, or gaps older than the settle time.</summary>
    internal static long SettledCursor(long cursor, IEnumerable<(long Id, DateTimeOffset At)> changes, DateTimeOffset now)
    {
        var settled = cursor;
        foreach (var (id, at) in changes.OrderBy(c => c.Id))
        {
            var contiguous = id == settled + 1;
            if (!contiguous && now - at < SettleTime)
            {
                break;
            }
            settled = id;
        }
        return settled;
    }
}
