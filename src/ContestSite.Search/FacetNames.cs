namespace ContestSite.Search;

/// <summary>
/// The facet (and filter) fields, named as in the JSON API. Each is indexed as an untokenised term and
/// as sorted doc values, from which counts are taken.
/// </summary>
public static class FacetNames
{
    public const string Provider = "provider";
    public const string Region = "region";
    public const string Domain = "domain";
    public const string OpenType = "openType";
    public const string Format = "format";
    public const string UpdateFrequency = "updateFrequency";
    /// <summary>来源: <see cref="Core.Catalog.DatasetOrigin"/> names (Government, Contributed).</summary>
    public const string Origin = "origin";

    public static readonly IReadOnlyList<string> All = [Provider, Region, Domain, OpenType, Format, UpdateFrequency, Origin];

    /// <summary>Only formats hold several values per dataset.</summary>
    internal static bool IsMultiValued(string facet) => facet == Format;

    internal static string DocValuesField(string facet) => "facet_" + facet;
}
