namespace ContestSite.Search;

/// <summary>Parses the <c>sort</c> parameter of the API and pages; anything unknown sorts by relevance.</summary>
public static class CatalogSortNames
{
    public static CatalogSort Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "updated" => CatalogSort.Updated,
        "downloads" => CatalogSort.Downloads,
        "views" => CatalogSort.Views,
        _ => CatalogSort.Relevance,
    };
}
