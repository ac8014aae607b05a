using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>
/// Typeahead: titles that start with the typed text (a prefix query on the untokenised, lower-cased
/// title), most downloaded first; when those are too few, titles containing the typed words.
/// Repeated titles (one dataset published as api and as file) are shown once. Traditional characters and
/// full-width letters are folded as the analysed fields fold them (<see cref="Key"/>).
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

    private static string Clean(string? typed) =>
        Key(new string((typed ?? "").Where(c => !char.IsControl(c)).Take(MaxTypedLength).ToArray()));

    /// <summary>
    /// The form titles and typed text are compared in: trimmed, simplified characters, half-width letters
    /// and digits, lower case; so 杭州市醫療 and ＡＱＩ find the titles 杭州市医疗… and aqi….
    /// </summary>
    public static string Key(string text)
    {
        var folded = TraditionalFolding.Fold(text.Trim());
        return string.Create(folded.Length, folded, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.ToLowerInvariant(HalfWidth(source[i]));
        });
    }

    // Full-width forms U+FF01–FF5E are ASCII 0x21–0x7E shifted by 0xFEE0; U+3000 is the ideographic space.
    private static char HalfWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
}
