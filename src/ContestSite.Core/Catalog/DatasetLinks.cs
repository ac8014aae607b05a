using System.Text.RegularExpressions;

namespace ContestSite.Core.Catalog;

/// <summary>
/// Reads a dataset from what people paste: the link of its catalogue page (<c>https://host/datasets/{id}</c> or
/// <c>/datasets/{id}</c>, with or without a query) or its bare id.
/// </summary>
public static partial class DatasetLinks
{
    public static bool TryParse(string? text, out Guid id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Link().Match(text.Trim());
        return match.Success && Guid.TryParse(match.Groups["id"].Value, out id);
    }

    [GeneratedRegex(@"^(?:(?:https?://[^/\s]+)?/datasets/)?(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?(?:[?#]\S*)?$")]
    private static partial Regex Link();
}
