using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Hosting;

/// <summary>
/// Every absolute link the site hands out (mail, the Atom feed, the invite link to copy) is built here, from
/// the configured public address and the route of the page, never from the request: a forged Host or
/// X-Forwarded-Host header must not be able to send someone's reset token to another site.
/// </summary>
[ExtensionPoint]
public sealed class PublicUrls(IOptions<SiteOptions> options, LinkGenerator links, IServer server)
{
    /// <summary>Where no address is configured and the server has none to tell (Development, in-process tests).</summary>
    private const string DevelopmentFallback = "http://localhost";
    private static readonly LinkOptions KeepCase = new() { LowercaseUrls = false };

    /// <summary>The public address without a trailing slash, e.g. <c>https://contest.example.cn</c>.</summary>
    public string BaseUrl => (options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : ListeningAddress()).TrimEnd('/');

    /// <summary>The absolute link to a Razor page by its name (e.g. "/Accounts/ResetPassword") with route and query values.</summary>
    public string Page(string pageName, object? values = null)
    {
        // Route values keep their case (invite codes are upper case); the page templates are lower case already.
        var path = links.GetPathByPage(pageName, handler: null, values, options: KeepCase)
            ?? throw new InvalidOperationException($"No route to page {pageName} with these values.");
        return BaseUrl + path;
    }

    /// <summary>
    /// Development only (the setting is required elsewhere): the first address the server listens on, so
    /// links work on a developer's machine without any setting.
    /// </summary>
    private string ListeningAddress()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (first is null) return DevelopmentFallback;
        // "http://+:5080" or "http://0.0.0.0:5080" listen everywhere; a browser reaches them as localhost.
        return first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}
