using System.Globalization;
using System.Text;
using ContestSite.Core.Judging;
using Microsoft.Extensions.Primitives;

namespace ContestSite.Web.Gallery;

/// <summary>
/// A gallery search read from the query string. Whatever is sent, it answers normally: unknown or
/// malformed values are ignored, the page is clamped, and the text keeps only letters and digits
/// (so quotes, brackets, *:*, wildcards and control characters are never syntax).
/// </summary>
public sealed record GalleryQuery(string? Text, int? Year, int? TrackId, AwardLevel? Award, string? Domain, int Page, int PageSize)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    public const int MaxTextLength = 200;

    public static GalleryQuery From(IQueryCollection query) => new(
        Clean(query["q"]), Int(query["year"]), Int(query["track"]),
        Enum.TryParse<AwardLevel>(query["award"].ToString(), ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : null,
        NullIfBlank(Clean(query["domain"])),
        Math.Clamp(Int(query["page"]) ?? 1, 1, MaxPage),
        Math.Clamp(Int(query["pageSize"]) ?? DefaultPageSize, 1, MaxPageSize));

    private static int? Int(StringValues value) =>
        int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Letters and digits kept, every other character a space.</summary>
    public static string? Clean(StringValues value)
    {
        var text = value.ToString();
        if (text.Length == 0) return null;
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        var cleaned = new StringBuilder(text.Length);
        foreach (var ch in text) cleaned.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        var result = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return result.Length == 0 ? null : result;
    }
}
