using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace ContestSite.Web.Hosting;

/// <summary>
/// Something public pages show that changes on a timetable (a scheduled announcement becoming visible):
/// cached pages vary by <c>Version</c> and are kept no longer than <c>Lifetime</c>.
/// </summary>
[ExtensionPoint]
public interface IPublicContentSchedule
{
    ValueTask<(string Version, TimeSpan Lifetime)> DescribeAsync(TimeSpan longest, CancellationToken cancellationToken);
}

/// <summary>
/// Output cache for what anonymous visitors read. Pages opt in with <c>[OutputCache(PolicyName = PublicOutputCache.Policy)]</c>
/// (endpoints with <c>.CacheOutput(PublicOutputCache.Policy)</c>) and a tag, and features evict their tag when they publish.
/// </summary>
[ExtensionPoint]
public static class PublicOutputCache
{
    public const string Policy = "public-page";
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPublicOutputCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64L * 1024 * 1024;
            o.MaximumBodySize = 1024 * 1024;
            o.AddPolicy(Policy, new PublicPagePolicy());
        });
        return services;
    }
}

/// <summary>The tags of cached public pages, by what they show: whoever changes that content evicts the tag.</summary>
[ExtensionPoint]
public static class PublicCacheTags
{
    public const string Announcements = "announcements";
    /// <summary>The home page; the gallery evicts it when its featured entries change.</summary>
    public const string Home = "home";
}

/// <summary>
/// Caches only GET/HEAD from visitors who are not signed in (signed-in people see their own calls to action)
/// and carry no one-time notice, by culture; stores only 200 responses that set no cookie (an antiforgery
/// cookie and token belong to one visitor).
/// </summary>
[ExtensionPoint]
public sealed class PublicPagePolicy : IOutputCachePolicy
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    // The schedules are singletons: resolved once rather than on every request of the hottest path.
    private IPublicContentSchedule[]? _schedules;

    private static readonly string[] ScheduleKeys = ["schedule0", "schedule1", "schedule2", "schedule3", "schedule4", "schedule5", "schedule6", "schedule7"];

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey("Authorization")
            && !request.Cookies.ContainsKey(TempDataCookie);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        var lifetime = PublicOutputCache.Longest;
        var index = 0;
        _schedules ??= http.RequestServices.GetServices<IPublicContentSchedule>().ToArray();
        foreach (var schedule in _schedules)
        {
            var (version, cap) = await schedule.DescribeAsync(lifetime, cancellation);
            context.CacheVaryByRules.VaryByValues[ScheduleKeys[index++]] = version;
            if (cap < lifetime) lifetime = cap;
        }
        context.ResponseExpirationTimeSpan = lifetime;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
