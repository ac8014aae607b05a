using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>
/// Typeahead: titles that start with the typed text (a prefix query on the untokenised, lower-cased
/// title), most downloaded first; when those are too few, titles containing the typed words.
/// Repeated titles (one dataset published as api and as file) are shown once.
/// </summary>
internal static class TitleSuggester
{
    private const int MaxTypedLength = 50;
    private static readonly HashSet<string> TitleOnly = ["title"];

    public static IReadOnlyList<CatalogSuggestion> Suggest(IndexSearcher searcher, UserQueryBuilder queries, string? typed, int max)
    {
        var prefix = Clean(typed);
        if (prefix.Length == 0)
        {
            return [];
        }
        var byDownloads = new Sort(new SortField(CatalogFields.Downloads, SortFieldType.INT64, reverse: true));
        var suggestions = new List<CatalogSuggestion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = max * 4;

        var starting = searcher.Search(new PrefixQuery(new Term(CatalogFields.TitleKey, prefix)), candidates, byDownloads);
        Add(searcher, starting, suggestions, seen, max);
        if (suggestions.Count < max && queries.Build(prefix, TitleOnly) is { } containing)
        {
            Add(searcher, searcher.Search(containing.Query, candidates), suggestions, seen, max);
        }
        return suggestions;
    }

    private static void Add(IndexSearcher searcher, TopDocs hits, List<CatalogSuggestion> suggestions, HashSet<string> seen, int max)
    {
        foreach (var hit in hits.ScoreDocs)
        {
            if (suggestions.Count >= max)
            {
                return;
            }
            var doc = searcher.Doc(hit.Doc);
            var title = doc.Get(CatalogFields.Title) ?? "";
            if (seen.Add(title))
            {
                suggestions.Add(new CatalogSuggestion(Guid.ParseExact(doc.Get(CatalogFields.Id), "N"), title));
            }
        }
    }

    private static string Clean(string? typed)
    {
        var text = new string((typed ?? "").Where(c => !char.IsControl(c)).Take(MaxTypedLength).ToArray());
        return text.Trim().ToLowerInvariant();
    }
}
