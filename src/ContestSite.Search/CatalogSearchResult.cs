namespace ContestSite.Search;

/// <summary>One page of hits, the total number of matches, and the facet counts of the search.</summary>
public sealed record CatalogSearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<CatalogHit> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);
