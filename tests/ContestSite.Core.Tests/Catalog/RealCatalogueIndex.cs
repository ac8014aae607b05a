using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>One index of the four real portal exports, shared by the search tests of a class.</summary>
public sealed class RealCatalogueIndex : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public List<Dataset> Datasets { get; private set; } = [];
    public CatalogIndex Index { get; private set; } = null!;
    public CatalogSearcher Searcher => Index.Searcher;

    public async Task InitializeAsync()
    {
        Datasets = await OpenCatalogues.AllPortalsAsync();
        var random = new Random(7);
        foreach (var dataset in Datasets)
        {
            dataset.DownloadCount = random.Next(1000);
        }
        Index = new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path });
        await Index.RebuildAsync(Datasets);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Index?.Dispose();
        _folder.Dispose();
    }
}
