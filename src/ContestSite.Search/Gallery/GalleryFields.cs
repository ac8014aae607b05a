namespace ContestSite.Search.Gallery;

/// <summary>The gallery index schema: field names and the query-time weight of each searchable field.</summary>
internal static class GalleryFields
{
    public const string Id = "id";
    public const string Stamp = "stamp";

    // Filters: exact values, as the gallery's query string names them.
    public const string Year = "year";
    public const string Track = "track";
    public const string Award = "award";
    public const string Domain = "domain";

    // Sort keys (numeric doc values): newest published first, then the newer entry.
    public const string Published = "sort_published";
    public const string IdOrder = "sort_id";

    /// <summary>Searchable text with its weight: the title counts most, the showcase text least.</summary>
    public static readonly (string Name, float Boost)[] Searchable =
    [
        ("title", 4f),
        ("team", 2f),
        ("domain_text", 1.5f),
        ("track_text", 1.5f),
        ("award_text", 1.5f),
        ("text", 1f),
    ];
}
