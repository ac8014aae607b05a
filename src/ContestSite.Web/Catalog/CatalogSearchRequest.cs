using ContestSite.Search;
using Microsoft.Extensions.Primitives;

namespace ContestSite.Web.Catalog;

/// <summary>
/// The query string of a catalogue search, as the page and the API share it:
/// <c>?q=&amp;provider=&amp;region=&amp;domain=&amp;openType=&amp;format=&amp;updateFrequency=&amp;origin=&amp;sort=&amp;page=&amp;pageSize=</c>.
/// Repeated parameters are OR-ed within a field. Nothing here can fail: bad numbers fall back to defaults.
/// </summary>
public static class CatalogSearchRequest
{
    public const int MaxQueryLength = 200;

    public static CatalogQuery From(IQueryCollection query) => new()
    {
        Text = Clean(query["q"].ToString()),
        Providers = Values(query["provider"]),
        Regions = Values(query["region"]),
        Domains = Values(query["domain"]),
        OpenTypes = Values(query["openType"]),
        Formats = Values(query["format"]),
        UpdateFrequencies = Values(query["updateFrequency"]),
        Origins = Values(query["origin"]),
        Sort = CatalogSortNames.Parse(query["sort"].ToString()),
        Page = Number(query["page"], 1, 1, CatalogSearcher.MaxResultWindow),
        PageSize = Number(query["pageSize"], CatalogQuery.DefaultPageSize, 1, CatalogQuery.MaxPageSize),
    };

    /// <summary>Control characters go, and the text is cut to a length a person types.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cleaned = new string(text.Where(c => !char.IsControl(c)).Take(MaxQueryLength).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static IReadOnlyList<string> Values(StringValues values) =>
        values.Select(v => Clean(v)).OfType<string>().Distinct().Take(50).ToList();

    private static int Number(StringValues value, int fallback, int min, int max) =>
        int.TryParse(value.ToString(), out var number) ? Math.Clamp(number, min, max) : fallback;
}
