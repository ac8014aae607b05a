using ContestSite.Core.Catalog;
using Lucene.Net.Documents;
using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>
/// Answers catalogue searches from the latest refreshed view of the index. Thread-safe; get it from
/// <see cref="CatalogIndex.Searcher"/>. Bad input never throws: text is reduced to analysed terms,
/// paging is clamped, unknown filter values simply match nothing.
/// </summary>
public sealed class CatalogSearcher
{
    /// <summary>Deepest hit a page may reach; deeper pages come back empty (with the true total).</summary>
    public const int MaxResultWindow = 10_000;

    private readonly SearcherManager _searchers;
    private readonly UserQueryBuilder _queries;

    internal CatalogSearcher(SearcherManager searchers, AnalysisStrategy strategy)
    {
        _searchers = searchers;
        Strategy = strategy;
        _queries = new UserQueryBuilder(strategy);
    }

    public AnalysisStrategy Strategy { get; }

    public CatalogSearchResult Search(CatalogQuery query)
    {
        var page = query.EffectivePage;
        var pageSize = query.EffectivePageSize;
        var userQuery = _queries.Build(query.Text, ranked: query.Sort == CatalogSort.Relevance);
        var filters = query.Filters();
        var start = (long)(page - 1) * pageSize;
        var wanted = (int)Math.Clamp(start + pageSize, 1, MaxResultWindow);

        var searcher = _searchers.Acquire();
        try
        {
            var ranking = RankingCollector(query.Sort, userQuery is not null, wanted);
            var faceting = new FacetingCollector(ranking, filters);
            searcher.Search(userQuery?.Query ?? new MatchAllDocsQuery(), faceting);

            var highlighter = new SearchHighlighter(userQuery, Strategy);
            var items = start >= MaxResultWindow
                ? []
                : ranking.GetTopDocs((int)start, pageSize).ScoreDocs.Select(hit => ToHit(searcher.Doc(hit.Doc), highlighter)).ToList();
            var facets = FacetLists.From(faceting.Counts(), filters, query.FacetLimit);
            return new CatalogSearchResult(faceting.TotalHits, page, pageSize, items, facets);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Titles starting with what was typed (most downloaded first), then titles containing it.</summary>
    public IReadOnlyList<CatalogSuggestion> Suggest(string? typed, int max = 8) =>
        WithSearcher(searcher => TitleSuggester.Suggest(searcher, _queries, typed, Math.Clamp(max, 1, 20)));

    /// <summary>Datasets like the given one by title, tags and description (MoreLikeThis); empty when it is not indexed.</summary>
    public IReadOnlyList<CatalogHit> Related(Guid datasetId, int max = 5) =>
        WithSearcher(searcher => RelatedDatasets.Find(searcher, datasetId, Strategy, Math.Clamp(max, 1, 20))
            .Select(doc => ToHit(doc, new SearchHighlighter(null, Strategy)))
            .ToList());

    private T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static ITopDocsCollector RankingCollector(CatalogSort sort, bool hasText, int wanted)
    {
        var field = sort switch
        {
            CatalogSort.Updated => CatalogFields.Updated,
            CatalogSort.Downloads => CatalogFields.Downloads,
            CatalogSort.Views => CatalogFields.Views,
            _ => hasText ? null : CatalogFields.Updated,
        };
        if (field is null)
        {
            return TopScoreDocCollector.Create(wanted, docsScoredInOrder: true);
        }
        // No score tie-break: it would score every match just to order equal dates.
        var order = new Sort(new SortField(field, SortFieldType.INT64, reverse: true));
        return TopFieldCollector.Create(order, wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
    }

    internal static CatalogHit ToHit(Document doc, SearchHighlighter highlighter)
    {
        var title = doc.Get(CatalogFields.Title) ?? "";
        var description = doc.Get(CatalogFields.Description);
        var updated = doc.GetField(CatalogFields.UpdatedStored)?.GetInt64Value();
        return new CatalogHit(
            Guid.ParseExact(doc.Get(CatalogFields.Id), "N"),
            title,
            description,
            doc.Get(CatalogFields.ProviderStored),
            doc.Get(CatalogFields.RegionStored),
            doc.Get(CatalogFields.DomainStored),
            Enum.TryParse<OpenType>(doc.Get(CatalogFields.OpenTypeStored), out var openType) ? openType : OpenType.Restricted,
            doc.GetValues(CatalogFields.FormatsStored),
            updated is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
            highlighter.Highlight(title, description),
            Enum.TryParse<DatasetOrigin>(doc.Get(CatalogFields.OriginStored), out var origin) ? origin : DatasetOrigin.Government);
    }
}
