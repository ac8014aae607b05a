namespace ContestSite.Search.Gallery;

/// <summary>
/// Keeps the gallery index in step with the database. The gallery has no change log: each pass compares
/// the stamps of the published entries in the database with those in the index, indexes the new and
/// changed entries again and removes the ones no longer published. It needs no cursor, so a crash, a
/// restart, a wiped folder or a second node simply converge on the next pass; and it stays cheap
/// because the gallery holds hundreds of entries, read as ids and stamps in batches.
/// Not re-entrant: run one pass at a time per index.
/// </summary>
public sealed class GalleryIndexFollower(GalleryIndex index, IGalleryEntrySource source)
{
    public const int BatchSize = 500;

    /// <summary>Applies one pass; returns how many entries were indexed again or removed (0 when up to date).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var indexed = index.Stamps();
        var published = new HashSet<int>();
        var stale = new List<int>();
        var afterId = 0;
        while (true)
        {
            var batch = await source.ReadPublishedStampsAsync(afterId, BatchSize, cancellationToken);
            foreach (var (id, stamp) in batch)
            {
                published.Add(id);
                if (!indexed.TryGetValue(id, out var indexedStamp) || indexedStamp != stamp)
                {
                    stale.Add(id);
                }
            }
            if (batch.Count < BatchSize)
            {
                break;
            }
            afterId = batch[^1].Id;
        }
        var gone = indexed.Keys.Where(id => !published.Contains(id)).ToList();
        foreach (var chunk in stale.Chunk(BatchSize))
        {
            await IndexAgainAsync(chunk, cancellationToken);
        }
        foreach (var id in gone)
        {
            index.Delete(id);
        }
        if (stale.Count + gone.Count > 0)
        {
            index.Commit();
        }
        return stale.Count + gone.Count;
    }

    /// <summary>Re-reads the entries, so only their latest state counts; one unpublished since the stamps were read is removed.</summary>
    private async Task IndexAgainAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var entries = (await source.LoadPublishedAsync(ids, cancellationToken)).ToDictionary(e => e.Id);
        foreach (var id in ids)
        {
            if (entries.TryGetValue(id, out var entry))
            {
                index.Upsert(entry);
            }
            else
            {
                index.Delete(id);
            }
        }
    }
}
