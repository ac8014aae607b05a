using System.Globalization;

namespace ContestSite.Core.Catalog.Import;

/// <summary>Normalises the loose values of the portal exports into the catalogue's shapes.</summary>
public static class ImportValues
{
    /// <summary>Portal dates are local dates in China (UTC+8).</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '|'];
    private static readonly string[] Placeholders = ["暂无", "无", "-", "null", "NULL"];
    private static readonly string[] FileKinds = ["电子表格", "电子文件", "图形图像"];

    /// <summary>Trimmed text, or null for empty values and placeholders such as 暂无.</summary>
    public static string? Text(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) || Placeholders.Contains(trimmed) ? null : trimmed;
    }

    public static DateTimeOffset? Date(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }
        string[] patterns = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d", "yyyy-M-d"];
        // A year a catalogue cannot mean (0001, 9999) is as unreadable as a typo, and year 1 at UTC+8 would not even fit a DateTimeOffset.
        return DateTime.TryParseExact(text, patterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2100
            ? new DateTimeOffset(date, ChinaOffset)
            : null;
    }

    public static long? Count(string? value) =>
        long.TryParse(Text(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0 ? count : null;

    public static List<string> Tags(string? value) => Split(value).Distinct().ToList();

    /// <summary>
    /// Lower-case format names. Zhejiang writes kind-format (电子表格-xlsx, 数据库-mysql): files keep the
    /// format, databases become 数据库 since the engine says nothing about what a user downloads.
    /// </summary>
    public static List<string> Formats(IEnumerable<string?> values) =>
        values.SelectMany(Split).Select(NormaliseFormat).Distinct().ToList();

    /// <summary>Drops the 更新说明 remark and unifies 每日 with 每天, so the facet has one value per meaning.</summary>
    public static string? UpdateFrequency(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }
        var remark = text.IndexOfAny(['(', '（']);
        var frequency = (remark > 0 ? text[..remark] : text).Trim();
        return frequency switch
        {
            "每日" => "每天",
            "不定期更新" => "不定期",
            _ => frequency,
        };
    }

    /// <summary>
    /// Hangzhou's districts name their departments without the district (区住建局 in each of 13 districts);
    /// the district is put in front so providers stay distinct in facets and statistics.
    /// </summary>
    public static string? QualifiedProvider(string? provider, string? district)
    {
        var text = Text(provider);
        if (text is null || district is null || text.StartsWith(district, StringComparison.Ordinal))
        {
            return text;
        }
        var unqualified = text[0] is '区' or '县' && district.EndsWith(text[0]);
        return unqualified ? district + text[1..] : text;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string NormaliseFormat(string format)
    {
        var dash = format.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
        {
            return format.ToLowerInvariant();
        }
        var kind = format[..dash];
        var name = format[(dash + 1)..];
        var isFile = FileKinds.Contains(kind) && name != "其他";
        return isFile ? name.ToLowerInvariant() : kind;
    }
}
