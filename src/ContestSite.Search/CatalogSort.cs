namespace ContestSite.Search;

public enum CatalogSort
{
    /// <summary>Best match first; without search text, the most recently updated first.</summary>
    Relevance,
    Updated,
    Downloads,
    Views,
}
