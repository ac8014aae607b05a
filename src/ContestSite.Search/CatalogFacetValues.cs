using ContestSite.Core.Catalog;

namespace ContestSite.Search;

/// <summary>
/// The value(s) a dataset has in each facet. The index counts these; a database group-by that must
/// agree with the index (statistics pages, tests) groups by the same rule.
/// </summary>
public static class CatalogFacetValues
{
    /// <summary>Facet value of a dataset that has none, so the counts of a facet add up to the total.</summary>
    public const string Unspecified = "(未注明)";

    public static IEnumerable<(string Facet, IReadOnlyList<string> Values)> Of(Dataset dataset)
    {
        yield return (FacetNames.Provider, [dataset.Provider ?? Unspecified]);
        yield return (FacetNames.Region, [dataset.Region ?? Unspecified]);
        yield return (FacetNames.Domain, [dataset.Domain ?? Unspecified]);
        yield return (FacetNames.OpenType, [dataset.OpenType.ToString()]);
        yield return (FacetNames.Format, dataset.Formats.Count == 0 ? [Unspecified] : dataset.Formats.Distinct().ToList());
        yield return (FacetNames.UpdateFrequency, [dataset.UpdateFrequency ?? Unspecified]);
        yield return (FacetNames.Origin, [dataset.Origin.ToString()]);
    }

    public static IReadOnlyList<string> Of(Dataset dataset, string facet) => Of(dataset).First(f => f.Facet == facet).Values;
}
