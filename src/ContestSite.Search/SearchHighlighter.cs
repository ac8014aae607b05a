using System.Net;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace ContestSite.Search;

/// <summary>
/// Marks the matched terms in a hit's title and description with &lt;mark&gt;, HTML-encoding the rest.
/// Bigram fields are preferred for marking since they match any substring the user typed.
/// </summary>
internal sealed class SearchHighlighter(UserQuery? query, AnalysisStrategy strategy)
{
    private const int FragmentLength = 120;

    public HitHighlights Highlight(string title, string? description) => new(
        Mark("title", title, wholeText: true) ?? WebUtility.HtmlEncode(title),
        description is null ? null : Mark("desc", description, wholeText: false) ?? WebUtility.HtmlEncode(Start(description)));

    private string? Mark(string name, string text, bool wholeText)
    {
        if (query is null)
        {
            return null;
        }
        foreach (var field in CatalogFields.Variants(name, strategy).Reverse())
        {
            if (!query.TermsByField.TryGetValue(field, out var terms))
            {
                continue;
            }
            var termQuery = new BooleanQuery();
            foreach (var term in terms)
            {
                termQuery.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new ReadableHtmlEncoder(), new QueryScorer(termQuery, field))
            {
                TextFragmenter = wholeText ? new NullFragmenter() : new SimpleFragmenter(FragmentLength),
            };
            var marked = highlighter.GetBestFragment(CatalogAnalyzers.For(field), field, text);
            if (marked is not null)
            {
                return marked;
            }
        }
        return null;
    }

    private static string Start(string text) => text.Length <= FragmentLength ? text : text[..FragmentLength] + "…";
}
