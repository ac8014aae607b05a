using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>
/// Builds the query from the analysed terms of the user's words, never through QueryParser, so no input
/// (quotes, brackets, *:*, wildcards, control characters, megabytes of text) is syntax. Each word must
/// match in some field (title and tags weigh most); with several words, documents having all of them
/// are lifted by a boosted all-words clause above documents having only some. The gallery builds its
/// queries here too, over its own fields, and requires every word.
/// </summary>
/// <param name="strategy">How Chinese text is cut into terms, as the index was built.</param>
/// <param name="searchable">The searchable fields with their weight; the catalogue's by default.</param>
/// <param name="everyWord">True when a document must have every word, not only some of them.</param>
internal sealed class UserQueryBuilder(AnalysisStrategy strategy, IReadOnlyList<(string Name, float Boost)> searchable, bool everyWord = false)
{
    public UserQueryBuilder(AnalysisStrategy strategy)
        : this(strategy, CatalogFields.Searchable)
    {
    }

    public const int MaxTextLength = 200;
    public const int MaxWords = 8;

    /// <summary>Weight of the all-words clause over the any-word clause.</summary>
    private const float AllWordsBoost = 3f;

    /// <summary>Within one word, a dataset matching it in title and description scores a bit above title alone.</summary>
    private const float FieldTieBreaker = 0.2f;

    /// <summary>The query, or null when the text holds no searchable word (empty, only punctuation).</summary>
    /// <param name="ranked">False when results are sorted by a field: only which documents match matters, so the all-words clause is left out.</param>
    public UserQuery? Build(string? text, IReadOnlySet<string>? onlyFields = null, bool ranked = true)
    {
        var words = Words(text);
        var termsByField = new Dictionary<string, List<string>>();
        var wordQueries = new List<Query>();
        foreach (var word in words)
        {
            var wordQuery = WordQuery(word, termsByField, onlyFields);
            if (wordQuery is not null)
            {
                wordQueries.Add(wordQuery);
            }
        }
        if (wordQueries.Count == 0)
        {
            return null;
        }
        var query = wordQueries.Count == 1 ? wordQueries[0]
            : everyWord ? AllWords(wordQueries)
            : ranked ? AllWordsOverAnyWord(wordQueries)
            : AnyWord(wordQueries);
        var terms = termsByField.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Distinct().ToList());
        return new UserQuery(query, words, terms);
    }

    /// <summary>The user's words: letters and digits kept, everything else a separator; truncated and de-duplicated.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var limited = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in limited)
        {
            if (char.IsLetterOrDigit(ch))
            {
                current.Append(ch);
                continue;
            }
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words.Select(w => w.ToLowerInvariant()).Distinct().Take(MaxWords).ToList();
    }

    private static BooleanQuery AnyWord(List<Query> wordQueries)
    {
        var any = new BooleanQuery();
        foreach (var wordQuery in wordQueries)
        {
            any.Add(wordQuery, Occur.SHOULD);
        }
        return any;
    }

    private static BooleanQuery AllWords(List<Query> wordQueries)
    {
        var all = new BooleanQuery();
        foreach (var wordQuery in wordQueries)
        {
            all.Add(wordQuery, Occur.MUST);
        }
        return all;
    }

    private static BooleanQuery AllWordsOverAnyWord(List<Query> wordQueries)
    {
        var all = new BooleanQuery { Boost = AllWordsBoost };
        var any = new BooleanQuery();
        foreach (var wordQuery in wordQueries)
        {
            all.Add(wordQuery, Occur.MUST);
            any.Add(wordQuery, Occur.SHOULD);
        }
        return new BooleanQuery { { all, Occur.SHOULD }, { any, Occur.SHOULD } };
    }

    private Query? WordQuery(string word, Dictionary<string, List<string>> termsByField, IReadOnlySet<string>? onlyFields)
    {
        var perField = new DisjunctionMaxQuery(FieldTieBreaker);
        var any = false;
        foreach (var (name, boost) in searchable.Where(f => onlyFields is null || onlyFields.Contains(f.Name)))
        {
            foreach (var field in CatalogFields.Variants(name, strategy))
            {
                var terms = CatalogAnalyzers.Terms(field, word);
                if (terms.Count == 0)
                {
                    continue;
                }
                var fieldQuery = AllTermsQuery(field, terms);
                fieldQuery.Boost = boost;
                perField.Add(fieldQuery);
                any = true;
                if (!termsByField.TryGetValue(field, out var list))
                {
                    termsByField[field] = list = [];
                }
                list.AddRange(terms);
            }
        }
        return any ? perField : null;
    }

    /// <summary>
    /// Every term of the word must be in the field. Bigrams must also be in sequence (a phrase of
    /// bigrams is exactly the substring the user typed); segmented words need not be, since the
    /// segmenter may cut the same text differently in a title and in a query.
    /// </summary>
    private static Query AllTermsQuery(string field, List<string> terms)
    {
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0]));
        }
        if (field.EndsWith(CatalogFields.BigramsSuffix, StringComparison.Ordinal))
        {
            var phrase = new PhraseQuery();
            foreach (var term in terms)
            {
                phrase.Add(new Term(field, term));
            }
            return phrase;
        }
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        }
        return query;
    }
}
