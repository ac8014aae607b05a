namespace ContestSite.Search;

/// <summary>
/// A catalogue search as the user asked it. Values repeated within one filter are OR-ed, filters are
/// AND-ed. Out-of-range paging is corrected, not rejected: page &lt; 1 is 1, page size is 1..100.
/// </summary>
public sealed record CatalogQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int DefaultFacetLimit = 50;

    public string? Text { get; init; }
    public IReadOnlyList<string> Providers { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Open type names as in <see cref="Core.Catalog.OpenType"/> (Unconditional, Restricted, Prohibited).</summary>
    public IReadOnlyList<string> OpenTypes { get; init; } = [];

    public IReadOnlyList<string> Formats { get; init; } = [];
    public IReadOnlyList<string> UpdateFrequencies { get; init; } = [];

    /// <summary>Origin names as in <see cref="Core.Catalog.DatasetOrigin"/> (Government, Contributed).</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];
    public CatalogSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Most values returned per facet (by count); values the user selected are always returned.</summary>
    public int FacetLimit { get; init; } = DefaultFacetLimit;

    public int EffectivePage => Math.Max(1, Page);

    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>The non-empty filters, keyed by <see cref="FacetNames"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters()
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        void Add(string facet, IReadOnlyList<string> values)
        {
            var cleaned = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
            if (cleaned.Count > 0)
            {
                filters[facet] = cleaned;
            }
        }
        Add(FacetNames.Provider, Providers);
        Add(FacetNames.Region, Regions);
        Add(FacetNames.Domain, Domains);
        Add(FacetNames.OpenType, OpenTypes);
        Add(FacetNames.Format, Formats);
        Add(FacetNames.UpdateFrequency, UpdateFrequencies);
        Add(FacetNames.Origin, Origins);
        return filters;
    }
}
