using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ContestSite.Search;

/// <summary>
/// The analyzers of the schema: SmartCn for *_w fields, CJK bigrams for *_b fields. The gallery index
/// analyses its own searchable fields with the same analyzers (<see cref="PerField"/>).
/// </summary>
internal static class CatalogAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // SmartCn loads its dictionary once (~0.4 s); analyzers are thread-safe, so one instance serves all.
    // Both fold traditional characters first (醫院 → 医院), so either script finds the other; their own
    // filters then fold full-width letters and digits (SmartCn's SegTokenFilter, CJKAnalyzer's CJKWidthFilter).
    private static readonly Lazy<Analyzer> Words = new(() => new TraditionalFoldingAnalyzer(new SmartChineseAnalyzer(Version)));
    private static readonly Lazy<Analyzer> Bigrams = new(() => new TraditionalFoldingAnalyzer(new CJKAnalyzer(Version)));
    private static readonly Lazy<Analyzer> Keyword = new(() => new KeywordAnalyzer());
    private static readonly Lazy<Analyzer> CatalogSchema = new(() => PerField(CatalogFields.Searchable.Select(f => f.Name)));

    /// <summary>The catalogue's analyzer: routes each searchable field's variants to their analyzer; anything else is a single keyword.</summary>
    public static Analyzer Schema => CatalogSchema.Value;

    public static Analyzer For(string field) =>
        field.EndsWith(CatalogFields.WordsSuffix, StringComparison.Ordinal) ? Words.Value
        : field.EndsWith(CatalogFields.BigramsSuffix, StringComparison.Ordinal) ? Bigrams.Value
        : Keyword.Value;

    public static List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = For(field).GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    /// <summary>An index's analyzer: the words and bigrams variants of these searchable fields analysed, anything else a single keyword.</summary>
    public static Analyzer PerField(IEnumerable<string> searchableNames)
    {
        var fields = new Dictionary<string, Analyzer>();
        foreach (var name in searchableNames)
        {
            fields[CatalogFields.Words(name)] = Words.Value;
            fields[CatalogFields.Bigrams(name)] = Bigrams.Value;
        }
        return new PerFieldAnalyzerWrapper(Keyword.Value, fields);
    }
}
