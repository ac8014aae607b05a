using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>A database stand-in for the follower: datasets, an append-only change log and a cursor.</summary>
internal sealed class InMemoryChangeSource : ICatalogChangeSource
{
    public Dictionary<Guid, Dataset> Datasets { get; } = [];
    public List<CatalogChange> Changes { get; } = [];
    public long Cursor { get; private set; }

    /// <summary>Simulates a crash after the index commit: the next cursor save throws.</summary>
    public bool CrashOnNextCursorSave { get; set; }

    public void Save(Dataset dataset, DateTimeOffset at)
    {
        Datasets[dataset.Id] = dataset;
        Changes.Add(new CatalogChange { Id = Changes.Count + 1, DatasetId = dataset.Id, At = at });
    }

    public void Remove(Guid id, DateTimeOffset at)
    {
        Datasets.Remove(id);
        Changes.Add(new CatalogChange { Id = Changes.Count + 1, DatasetId = id, At = at });
    }

    public Task<long> LoadCursorAsync(CancellationToken cancellationToken) => Task.FromResult(Cursor);

    public Task<IReadOnlyList<CatalogChange>> ReadChangesAfterAsync(long cursor, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CatalogChange>>(Changes.Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(max).ToList());

    public Task<IReadOnlyList<Dataset>> LoadDatasetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Dataset>>(ids.Where(Datasets.ContainsKey).Select(id => Datasets[id]).ToList());

    public Task SaveCursorAsync(long cursor, CancellationToken cancellationToken)
    {
        if (CrashOnNextCursorSave)
        {
            CrashOnNextCursorSave = false;
            throw new IOException("simulated crash before the cursor was saved");
        }
        Cursor = cursor;
        return Task.CompletedTask;
    }
}
