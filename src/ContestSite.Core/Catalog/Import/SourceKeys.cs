namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// The identity of an imported record within its portal. The same record gets the same key whether it
/// comes from the portal's JSON export or from the combined CSV, so importing both never duplicates.
/// </summary>
public static class SourceKeys
{
    /// <summary>Portals whose crawled detail URL is the same on every row, so the URL identifies nothing.</summary>
    internal static readonly HashSet<string> PortalsWithSharedUrl = [CatalogSources.Shanghai];

    public static string For(string source, string? url, string? provider, string title)
    {
        if (!string.IsNullOrWhiteSpace(url) && !PortalsWithSharedUrl.Contains(source))
        {
            return $"{source}|{url.Trim()}";
        }
        return $"{source}|{provider?.Trim()}|{title.Trim()}";
    }
}

/// <summary>
/// The link shown as a dataset's 来源: its page on the portal it came from, only where the export gives one. A URL on
/// another host (the demo catalogue's made-up addresses), not http(s), or shared by every row of a portal links to
/// nothing about this dataset, so it is dropped and the page shows the portal's name without a link.
/// </summary>
public static class SourceLinks
{
    public static string? OnPortal(string source, string? url)
    {
        if (SourceKeys.PortalsWithSharedUrl.Contains(source)) return null;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
        var host = uri.IdnHost;
        return host.Equals(source, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + source, StringComparison.OrdinalIgnoreCase) ? uri.AbsoluteUri : null;
    }
}
