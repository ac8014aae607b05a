using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ContestSite.Search.Gallery;

/// <summary>
/// Answers gallery searches from the latest refreshed view of the gallery index, with the catalogue's
/// analysis and its safe handling of what users type. Thread-safe; get it from <see cref="GalleryIndex.Searcher"/>.
/// With words, the best matches come first and every word must match; without, the newest published come first.
/// </summary>
public sealed class GallerySearcher
{
    /// <summary>Deepest hit a page may reach, as in the catalogue; deeper pages come back empty (with the true total).</summary>
    public const int MaxResultWindow = CatalogSearcher.MaxResultWindow;

    private static readonly Sort NewestFirst = new(
        new SortField(GalleryFields.Published, SortFieldType.INT64, reverse: true),
        new SortField(GalleryFields.IdOrder, SortFieldType.INT64, reverse: true));

    private readonly IndexFolder _folder;
    private readonly UserQueryBuilder _queries;

    internal GallerySearcher(IndexFolder folder, AnalysisStrategy strategy)
    {
        _folder = folder;
        _queries = new UserQueryBuilder(strategy, GalleryFields.Searchable, everyWord: true);
    }

    public GallerySearchResult Search(GallerySearchQuery query)
    {
        var pageSize = query.EffectivePageSize;
        var start = (long)(query.EffectivePage - 1) * pageSize;
        var wanted = (int)Math.Clamp(start + pageSize, 1, MaxResultWindow);
        var userQuery = _queries.Build(query.Text);
        var filter = Filters(query);
        return _folder.WithSearcher(searcher =>
        {
            var top = userQuery is null
                ? searcher.Search(new MatchAllDocsQuery(), filter, wanted, NewestFirst)
                : searcher.Search(userQuery.Query, filter, wanted);
            var ids = start >= MaxResultWindow
                ? []
                : top.ScoreDocs.Skip((int)start).Select(hit => int.Parse(searcher.Doc(hit.Doc).Get(GalleryFields.Id), CultureInfo.InvariantCulture)).ToList();
            return new GallerySearchResult(top.TotalHits, ids);
        });
    }

    /// <summary>The filters as exact terms; null when nothing is filtered. An unknown value simply matches nothing.</summary>
    private static QueryWrapperFilter? Filters(GallerySearchQuery query)
    {
        var terms = new List<Term>();
        if (query.Year is { } year)
        {
            terms.Add(new Term(GalleryFields.Year, year.ToString(CultureInfo.InvariantCulture)));
        }
        if (query.TrackId is { } track)
        {
            terms.Add(new Term(GalleryFields.Track, track.ToString(CultureInfo.InvariantCulture)));
        }
        if (!string.IsNullOrEmpty(query.Award))
        {
            terms.Add(new Term(GalleryFields.Award, query.Award));
        }
        if (!string.IsNullOrEmpty(query.Domain))
        {
            terms.Add(new Term(GalleryFields.Domain, query.Domain));
        }
        if (terms.Count == 0)
        {
            return null;
        }
        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(new TermQuery(term), Occur.MUST);
        }
        return new QueryWrapperFilter(all);
    }
}
