using Lucene.Net.Documents;

namespace ContestSite.Search;

/// <summary>The index schema: field names and the query-time weight of each searchable field.</summary>
internal static class CatalogFields
{
    public const string Id = "id";

    // Stored for result lists, so a page of hits needs no database query.
    public const string Title = "title";
    public const string Description = "description";
    public const string Tags = "tags";
    public const string ProviderStored = "provider_stored";
    public const string RegionStored = "region_stored";
    public const string DomainStored = "domain_stored";
    public const string OpenTypeStored = "open_type_stored";
    public const string FormatsStored = "formats_stored";
    public const string UpdatedStored = "updated_stored";
    public const string OriginStored = "origin_stored";

    /// <summary>The whole title, lower-cased and untokenised, for typeahead prefix queries.</summary>
    public const string TitleKey = "title_key";

    // Sort keys (numeric doc values).
    public const string Updated = "sort_updated";
    public const string Downloads = "sort_downloads";
    public const string Views = "sort_views";

    public const string WordsSuffix = "_w";
    public const string BigramsSuffix = "_b";

    /// <summary>Searchable text fields with their weight: title and tags count more than the description.</summary>
    public static readonly (string Name, float Boost)[] Searchable =
    [
        ("title", 4f),
        ("tags", 3f),
        ("provider", 2f),
        ("field_names", 1.5f),
        ("desc", 1f),
    ];

    public static string Words(string name) => name + WordsSuffix;

    public static string Bigrams(string name) => name + BigramsSuffix;

    /// <summary>The analysed variants of a searchable field that a strategy indexes and queries.</summary>
    public static IEnumerable<string> Variants(string name, AnalysisStrategy strategy) => strategy switch
    {
        AnalysisStrategy.Words => [Words(name)],
        AnalysisStrategy.Bigrams => [Bigrams(name)],
        _ => [Words(name), Bigrams(name)],
    };

    /// <summary>Adds a searchable text under each analysed variant of its field name; blank text adds nothing.</summary>
    public static void AddText(Document document, string name, string? text, AnalysisStrategy strategy)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        foreach (var variant in Variants(name, strategy)) document.Add(new TextField(variant, text, Field.Store.NO));
    }
}
