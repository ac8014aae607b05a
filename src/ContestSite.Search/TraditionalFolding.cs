using Lucene.Net.Analysis;

namespace ContestSite.Search;

/// <summary>
/// Traditional → simplified Chinese, one character for one character, from the OpenCC table embedded as
/// TraditionalToSimplified.txt (scripts/traditional-fold-table.sh). Phrase conversions (乾隆 vs 干燥) are
/// out of scope: each character takes OpenCC's default simplified form.
/// </summary>
internal static class TraditionalFolding
{
    private const string TableResource = "ContestSite.Search.TraditionalToSimplified.txt";

    // Indexed by the UTF-16 code unit: 128 KB, and a lookup per character costs no hashing.
    private static readonly Lazy<char[]> Table = new(Load);

    public static char Fold(char c) => Table.Value[c] is var simplified && simplified != '\0' ? simplified : c;

    /// <summary>Folds text that is not analysed, such as the typeahead's whole-title key.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = Fold(source[i]);
    });

    public static void FoldInPlace(Span<char> chars)
    {
        var table = Table.Value;
        for (var i = 0; i < chars.Length; i++)
        {
            var simplified = table[chars[i]];
            if (simplified != '\0') chars[i] = simplified;
        }
    }

    private static char[] Load()
    {
        var table = new char[char.MaxValue + 1];
        using var stream = typeof(TraditionalFolding).Assembly.GetManifestResourceStream(TableResource)
            ?? throw new InvalidOperationException($"The embedded resource {TableResource} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.Length != 2) throw new InvalidDataException($"{TableResource}: '{line}' is not one traditional and one simplified character.");
            table[line[0]] = line[1];
        }
        return table;
    }
}

/// <summary>Folds traditional characters to simplified before tokenising; one character for one, so offsets (highlights) stay exact.</summary>
internal sealed class TraditionalFoldingCharFilter(TextReader input) : CharFilter(input)
{
    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        if (read > 0) TraditionalFolding.FoldInPlace(buffer.AsSpan(index, read));
        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : TraditionalFolding.Fold((char)c);
    }

    protected override int Correct(int currentOff) => currentOff;
}

/// <summary>An analyzer whose input is folded to simplified characters first; the analyzer's own full-width folding follows.</summary>
internal sealed class TraditionalFoldingAnalyzer(Analyzer inner) : AnalyzerWrapper(GLOBAL_REUSE_STRATEGY)
{
    protected override Analyzer GetWrappedAnalyzer(string fieldName) => inner;

    protected override TextReader WrapReader(string fieldName, TextReader reader) => new TraditionalFoldingCharFilter(reader);
}
