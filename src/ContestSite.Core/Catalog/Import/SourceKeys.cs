namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// The identity of an imported record within its portal. The same record gets the same key whether it
/// comes from the portal's JSON export or from the combined CSV, so importing both never duplicates.
/// </summary>
public static class SourceKeys
{
    /// <summary>Portals whose crawled detail URL is the same on every row, so the URL identifies nothing.</summary>
    private static readonly HashSet<string> PortalsWithSharedUrl = [CatalogSources.Shanghai];

    public static string For(string source, string? url, string? provider, string title)
    {
        if (!string.IsNullOrWhiteSpace(url) && !PortalsWithSharedUrl.Contains(source))
        {
            return $"{source}|{url.Trim()}";
        }
        return $"{source}|{provider?.Trim()}|{title.Trim()}";
    }
}
