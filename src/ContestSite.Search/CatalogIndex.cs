using ContestSite.Core.Catalog;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace ContestSite.Search;

/// <summary>
/// The catalogue's Lucene index in one folder: the process's only writer, and a searcher manager that
/// sees every commit. Register it as a singleton. Changes are staged by <see cref="Upsert"/> and
/// <see cref="Delete"/> and become durable and searchable at <see cref="Commit"/>.
/// Locks are OS file locks (NativeFSLockFactory, and <see cref="WriterFolderLock"/> across processes):
/// the OS drops them when a process dies, so the write.lock file a killed process leaves behind is not
/// stale and the next writer simply takes it.
/// </summary>
public sealed class CatalogIndex : IDisposable
{
    private readonly WriterFolderLock _folderLock;
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();

    public CatalogIndex(CatalogIndexOptions options)
    {
        Options = options;
        var folder = System.IO.Directory.CreateDirectory(options.Folder);
        _folderLock = WriterFolderLock.TryAcquire(folder.FullName) ?? throw OpenByAnotherWriter(folder.FullName, null);
        _directory = FSDirectory.Open(folder, new NativeFSLockFactory(folder));
        var config = new IndexWriterConfig(CatalogAnalyzers.Version, CatalogAnalyzers.Schema)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = options.RamBufferMb,
        };
        try
        {
            _writer = new IndexWriter(_directory, config);
        }
        catch (LockObtainFailedException exception)
        {
            _directory.Dispose();
            _folderLock.Dispose();
            throw OpenByAnotherWriter(folder.FullName, exception);
        }
        // Empty index: commit once so a searcher can open before the first dataset arrives.
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        Searcher = new CatalogSearcher(_searchers, options.Strategy);
    }

    public CatalogIndexOptions Options { get; }

    public CatalogSearcher Searcher { get; }

    /// <summary>Number of datasets in the last committed and refreshed view.</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Adds or replaces a dataset; a dataset that is not published is removed instead.</summary>
    public void Upsert(Dataset dataset)
    {
        var id = IdTerm(dataset.Id);
        lock (_writeLock)
        {
            if (dataset.Status != DatasetStatus.Published)
            {
                _writer.DeleteDocuments(id);
                return;
            }
            _writer.UpdateDocument(id, CatalogDocumentBuilder.Build(dataset, Options.Strategy));
        }
    }

    public void Delete(Guid datasetId)
    {
        lock (_writeLock)
        {
            _writer.DeleteDocuments(IdTerm(datasetId));
        }
    }

    /// <summary>Makes staged changes durable, then visible to searches.</summary>
    public void Commit()
    {
        lock (_writeLock)
        {
            _writer.Commit();
        }
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Replaces the whole index with these datasets (the published ones), committed at the end.</summary>
    public Task RebuildAsync(IEnumerable<Dataset> datasets, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            lock (_writeLock)
            {
                _writer.DeleteAll();
                foreach (var dataset in datasets)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (dataset.Status == DatasetStatus.Published)
                    {
                        _writer.AddDocument(CatalogDocumentBuilder.Build(dataset, Options.Strategy));
                    }
                }
                _writer.Commit();
            }
            _searchers.MaybeRefreshBlocking();
        }, cancellationToken);

    /// <summary>Bytes the index takes on disk.</summary>
    public long SizeOnDisk() => _directory.ListAll().Sum(name => _directory.FileLength(name));

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _folderLock.Dispose();
    }

    private static InvalidOperationException OpenByAnotherWriter(string folder, Exception? inner) =>
        new($"The catalogue index in {folder} is open by another writer (another CatalogIndex in this process, or another live process).", inner);

    private static Term IdTerm(Guid id) => new(CatalogFields.Id, CatalogDocumentBuilder.IdTerm(id));
}
