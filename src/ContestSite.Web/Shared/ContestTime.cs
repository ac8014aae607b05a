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

    public static bool TryParseInput(string? text, out DateTimeOffset moment)
    {
        moment = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        moment = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset).ToUniversalTime();
        return true;
    }

    /// <summary>UTC in ISO 8601 with a Z, for <c>datetime</c> and data attributes (no "+" for the encoder to escape).</summary>
    public static string Iso(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>2020-11-30 18:00 (北京时间), the way deadlines are written in messages.</summary>
    public static string Display(DateTimeOffset moment) => ToChina(moment).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
