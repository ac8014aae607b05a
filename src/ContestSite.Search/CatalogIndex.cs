using ContestSite.Core.Catalog;
using Lucene.Net.Index;

namespace ContestSite.Search;

/// <summary>
/// The catalogue's Lucene index in one folder (an <see cref="IndexFolder"/>). Register it as a singleton.
/// Changes are staged by <see cref="Upsert"/> and <see cref="Delete"/> and become durable and searchable
/// at <see cref="Commit"/>.
/// </summary>
public sealed class CatalogIndex : IDisposable
{
    private readonly IndexFolder _folder;

    public CatalogIndex(CatalogIndexOptions options)
    {
        Options = options;
        _folder = new IndexFolder(options.Folder, CatalogAnalyzers.Schema, options.RamBufferMb, "catalogue");
        Searcher = new CatalogSearcher(_folder.Searchers, options.Strategy);
    }

    /// <summary>
    /// The format of the documents this code writes and reads: bump it whenever analysis or fields change,
    /// and every node rebuilds its index from the database at start (<see cref="NeedsRebuild"/>).
    /// 1: origin field (contributed datasets); 2: traditional → simplified folding.
    /// </summary>
    public const int FormatVersion = 2;

    public CatalogIndexOptions Options { get; }

    /// <summary>The index was never rebuilt by this code's format (new, emptied, or written by an older version).</summary>
    public bool NeedsRebuild => _folder.StoredFormat != FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public CatalogSearcher Searcher { get; }

    /// <summary>Number of datasets in the last committed and refreshed view.</summary>
    public int Count => _folder.Count;

    /// <summary>Adds or replaces a dataset; a dataset that is not published is removed instead.</summary>
    public void Upsert(Dataset dataset)
    {
        var id = IdTerm(dataset.Id);
        _folder.Write(writer =>
        {
            if (dataset.Status != DatasetStatus.Published)
            {
                writer.DeleteDocuments(id);
                return;
            }
            writer.UpdateDocument(id, CatalogDocumentBuilder.Build(dataset, Options.Strategy));
        });
    }

    public void Delete(Guid datasetId) => _folder.Write(writer => writer.DeleteDocuments(IdTerm(datasetId)));

    /// <summary>Makes staged changes durable, then visible to searches.</summary>
    public void Commit() => _folder.Commit();

    /// <summary>Replaces the whole index with these datasets (the published ones), committed at the end with <see cref="FormatVersion"/>.</summary>
    public Task RebuildAsync(IEnumerable<Dataset> datasets, CancellationToken cancellationToken = default) =>
        Task.Run(() => _folder.Rebuild(FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), writer =>
        {
            foreach (var dataset in datasets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (dataset.Status == DatasetStatus.Published)
                {
                    writer.AddDocument(CatalogDocumentBuilder.Build(dataset, Options.Strategy));
                }
            }
        }), cancellationToken);

    /// <summary>Bytes the index takes on disk.</summary>
    public long SizeOnDisk() => _folder.SizeOnDisk();

    public void Dispose() => _folder.Dispose();

    private static Term IdTerm(Guid id) => new(CatalogFields.Id, CatalogDocumentBuilder.IdTerm(id));
}
