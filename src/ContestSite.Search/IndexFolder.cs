using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace ContestSite.Search;

/// <summary>
/// One Lucene index in one folder, shared by the catalogue and the gallery: the process's only writer
/// and a searcher manager that sees every commit.
/// Locks are OS file locks (NativeFSLockFactory, and <see cref="WriterFolderLock"/> across processes):
/// the OS drops them when a process dies, so the write.lock file a killed process leaves behind is not
/// stale and the next writer simply takes it.
/// </summary>
internal sealed class IndexFolder : IDisposable
{
    private readonly WriterFolderLock _folderLock;
    private readonly FSDirectory _directory;
    private readonly System.Threading.Lock _writeLock = new();

    /// <param name="what">Names the index in the error when another writer holds the folder, e.g. "catalogue".</param>
    public IndexFolder(string path, Analyzer analyzer, double ramBufferMb, string what)
    {
        var folder = System.IO.Directory.CreateDirectory(path);
        _folderLock = WriterFolderLock.TryAcquire(folder.FullName) ?? throw OpenByAnotherWriter(what, folder.FullName, null);
        _directory = FSDirectory.Open(folder, new NativeFSLockFactory(folder));
        var config = new IndexWriterConfig(CatalogAnalyzers.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = ramBufferMb,
        };
        try
        {
            Writer = new IndexWriter(_directory, config);
        }
        catch (LockObtainFailedException exception)
        {
            _directory.Dispose();
            _folderLock.Dispose();
            throw OpenByAnotherWriter(what, folder.FullName, exception);
        }
        // Empty index: commit once so a searcher can open before the first document arrives.
        Writer.Commit();
        Searchers = new SearcherManager(Writer, applyAllDeletes: true, searcherFactory: null);
    }

    public IndexWriter Writer { get; }

    /// <summary>Key of the commit user data naming the format of the documents (see <see cref="CatalogIndex.FormatVersion"/>).</summary>
    private const string FormatKey = "format";

    /// <summary>The format the last rebuild wrote, from the last commit's user data; null for an index never rebuilt (new, or older than formats).</summary>
    public string? StoredFormat => Writer.CommitData.TryGetValue(FormatKey, out var format) ? format : null;

    /// <summary>Replaces every document with these, then commits them with their format as one commit: a crash leaves the old index and its old format.</summary>
    public void Rebuild(string format, Action<IndexWriter> addAll)
    {
        Write(writer =>
        {
            writer.DeleteAll();
            addAll(writer);
            writer.SetCommitData(new Dictionary<string, string> { [FormatKey] = format });
            writer.Commit();
        });
        Searchers.MaybeRefreshBlocking();
    }

    public SearcherManager Searchers { get; }

    /// <summary>Runs a change of the writer; one at a time, so a rebuild is never interleaved with an upsert.</summary>
    public void Write(Action<IndexWriter> change)
    {
        lock (_writeLock)
        {
            change(Writer);
        }
    }

    /// <summary>Makes staged changes durable, then visible to searches.</summary>
    public void Commit()
    {
        Write(writer => writer.Commit());
        Searchers.MaybeRefreshBlocking();
    }

    public T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        var searcher = Searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    /// <summary>Documents in the last committed and refreshed view.</summary>
    public int Count => WithSearcher(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Bytes the index takes on disk.</summary>
    public long SizeOnDisk() => _directory.ListAll().Sum(name => _directory.FileLength(name));

    public void Dispose()
    {
        Searchers.Dispose();
        Writer.Dispose();
        _directory.Dispose();
        _folderLock.Dispose();
    }

    private static InvalidOperationException OpenByAnotherWriter(string what, string folder, Exception? inner) =>
        new($"The {what} index in {folder} is open by another writer (another index object in this process, or another live process).", inner);
}
