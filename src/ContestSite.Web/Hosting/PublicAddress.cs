using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace ContestSite.Web.Hosting;

/// <summary>
/// Which host names the site answers to and which peers it believes about the client: the public address
/// (<see cref="SiteOptions.PublicBaseUrl"/>) decides the first, <see cref="SiteOptions.KnownProxies"/> the second.
/// </summary>
public static class PublicAddress
{
    /// <summary>The setting the public address had before it served every link; still read so old deployments keep working.</summary>
    public const string LegacySetting = "ContestSite:Announcements:PublicBaseUrl";

    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, SiteOptions options)
    {
        services.AddSingleton<PublicUrls>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // ASP.NET trusts loopback by default; here only the proxies an operator names are believed.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            var (proxies, networks, _) = ParseProxies(options.KnownProxies);
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            // With both lists empty the middleware would believe every peer, so no proxy means no forwarded header at all.
            // X-Forwarded-Host is never believed: links come from the setting, and the Host filter must see the real Host.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        // Outside Development, a request naming another host is refused (400) unless AllowedHosts says otherwise.
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration["AllowedHosts"])
            && TryParseBaseUrl(options.PublicBaseUrl, out var publicUri))
        {
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = [publicUri.IdnHost]);
        }
        return services;
    }

    /// <summary>The old announcements setting stands in for <see cref="SiteOptions.PublicBaseUrl"/> when that is not set.</summary>
    public static bool FoldLegacySetting(SiteOptions options, IConfiguration configuration)
    {
        var legacy = configuration[LegacySetting];
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) || string.IsNullOrWhiteSpace(legacy)) return false;
        options.PublicBaseUrl = legacy;
        return true;
    }

    /// <summary>An absolute http(s) address without user info, query or fragment.</summary>
    public static bool TryParseBaseUrl(string? text, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (parsed.Query.Length > 0 || parsed.Fragment.Length > 0 || parsed.UserInfo.Length > 0 || text!.Contains('?') || text.Contains('#')) return false;
        uri = parsed;
        return true;
    }

    /// <summary>Comma-separated IP addresses and CIDR networks; the entries that are neither come back as <c>Invalid</c>.</summary>
    public static (List<IPAddress> Proxies, List<IPNetwork> Networks, List<string> Invalid) ParseProxies(string? text)
    {
        var (proxies, networks, invalid) = (new List<IPAddress>(), new List<IPNetwork>(), new List<string>());
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address)) proxies.Add(address);
            else invalid.Add(entry);
        }
        return (proxies, networks, invalid);
    }
}
