namespace ContestSite.Core.Judging;

/// <summary>Expertise tags typed as one line: split on ASCII or Chinese commas and semicolons, trimmed, deduplicated.</summary>
public static class JudgeTags
{
    private static readonly char[] Separators = [',', '，', ';', '；', '、'];

    public static IReadOnlyList<string> Split(string? line) =>
        string.IsNullOrWhiteSpace(line)
            ? []
            : line.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string Join(IEnumerable<string> tags) => string.Join("，", tags);
}
