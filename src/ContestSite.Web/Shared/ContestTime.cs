using System.Globalization;

namespace ContestSite.Web;

/// <summary>
/// The contest runs in Zhejiang: times are entered and shown in China Standard Time (UTC+8, no daylight
/// saving) whatever the server's zone, and stored as UTC.
/// </summary>
public static class ContestTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private const string InputFormat = "yyyy-MM-ddTHH:mm";

    public static DateTimeOffset ToChina(DateTimeOffset moment) => moment.ToOffset(Offset);

    /// <summary>For <c>&lt;input type="datetime-local"&gt;</c>.</summary>
    public static string ToInput(DateTimeOffset moment) => ToChina(moment).ToString(InputFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The dates every date input accepts (China time). Wide enough for any contest or dataset, narrow enough that
    /// nothing downstream can overflow: year 1 at UTC+8 is before <see cref="DateTimeOffset.MinValue"/>, and year
    /// 9999 plus a day, a year or an expiry is past the end.
    /// </summary>
    public static readonly DateOnly EarliestInput = new(2000, 1, 1);
    public static readonly DateOnly LatestInput = new(2100, 12, 31);
    /// <summary>The localizer key of the message for a date outside <see cref="EarliestInput"/>–<see cref="LatestInput"/>.</summary>
    public const string OutOfRangeMessage = "日期须在 2000-01-01 到 2100-12-31 之间";
    public const string NotATimeMessage = "时间格式不正确";

    public static bool IsInInputRange(DateOnly date) => date >= EarliestInput && date <= LatestInput;

    /// <summary>A time typed into a <c>datetime-local</c> input; false when empty, not a time, or outside the input range.</summary>
    public static bool TryParseInput(string? text, out DateTimeOffset moment)
    {
        moment = default;
        if (!TryParseLocal(text, out var local) || !IsInInputRange(DateOnly.FromDateTime(local))) return false;
        moment = new DateTimeOffset(local, Offset).ToUniversalTime();
        return true;
    }

    /// <summary>Why <see cref="TryParseInput"/> refuses a typed time (a localizer key), or null when it is empty or fine.</summary>
    public static string? InputProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!TryParseLocal(text, out var local)) return NotATimeMessage;
        return IsInInputRange(DateOnly.FromDateTime(local)) ? null : OutOfRangeMessage;
    }

    /// <summary>The first problem among several typed times (a localizer key); "not a time" when each alone is fine or empty.</summary>
    public static string FirstInputProblem(params string?[] texts) =>
        texts.Select(InputProblem).FirstOrDefault(p => p is not null) ?? NotATimeMessage;

    private static bool TryParseLocal(string? text, out DateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text) || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        local = DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>UTC in ISO 8601 with a Z, for <c>datetime</c> and data attributes (no "+" for the encoder to escape).</summary>
    public static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>2020-11-30 18:00 (北京时间), the way deadlines are written in messages.</summary>
    public static string Display(DateTimeOffset moment) => ToChina(moment).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day only, in China: a certificate is issued on a date, not at a minute.</summary>
    public static string DisplayDate(DateTimeOffset moment) => ToChina(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
