using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ContestSite.Search.Gallery;

/// <summary>
/// The gallery's own small Lucene index, beside the catalogue's and analysed the same way. Register it
/// as a singleton. Only published entries are in it; changes are staged by <see cref="Upsert"/> and
/// <see cref="Delete"/> and become durable and searchable at <see cref="Commit"/>.
/// </summary>
public sealed class GalleryIndex : IDisposable
{
    private static readonly Lazy<Analyzer> Schema = new(() => CatalogAnalyzers.PerField(GalleryFields.Searchable.Select(f => f.Name)));

    private readonly IndexFolder _folder;

    /// <summary>
    /// The format of the documents (analysis and fields); bump it with every change of either. An index of
    /// another format is emptied when opened, and the follower's next pass, finding no stamps, indexes every
    /// published entry again. 1: traditional → simplified folding.
    /// </summary>
    public const int FormatVersion = 1;

    public GalleryIndex(GalleryIndexOptions options)
    {
        Options = options;
        _folder = new IndexFolder(options.Folder, Schema.Value, options.RamBufferMb, "gallery");
        var format = FormatVersion.ToString(CultureInfo.InvariantCulture);
        if (_folder.StoredFormat != format) _folder.Rebuild(format, _ => { });
        Searcher = new GallerySearcher(_folder, options.Strategy);
    }

    public GalleryIndexOptions Options { get; }

    public GallerySearcher Searcher { get; }

    /// <summary>Number of entries in the last committed and refreshed view.</summary>
    public int Count => _folder.Count;

    public void Upsert(GalleryDocument entry) =>
        _folder.Write(writer => writer.UpdateDocument(IdTerm(entry.Id), GalleryDocumentBuilder.Build(entry, Options.Strategy)));

    public void Delete(int entryId) => _folder.Write(writer => writer.DeleteDocuments(IdTerm(entryId)));

    /// <summary>Makes staged changes durable, then visible to searches.</summary>
    public void Commit() => _folder.Commit();

    /// <summary>The stamp of every entry in the last committed and refreshed view, by id.</summary>
    public IReadOnlyDictionary<int, string> Stamps() => _folder.WithSearcher(searcher =>
    {
        var stamps = new Dictionary<int, string>();
        var all = searcher.Search(new MatchAllDocsQuery(), Math.Max(1, searcher.IndexReader.NumDocs));
        foreach (var hit in all.ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            stamps[int.Parse(document.Get(GalleryFields.Id), CultureInfo.InvariantCulture)] = document.Get(GalleryFields.Stamp) ?? "";
        }
        return stamps;
    });

    public void Dispose() => _folder.Dispose();

    private static Term IdTerm(int id) => new(GalleryFields.Id, GalleryDocumentBuilder.IdTerm(id));
}
