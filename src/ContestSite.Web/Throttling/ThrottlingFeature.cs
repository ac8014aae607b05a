using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Throttling;

/// <summary>
/// ASP.NET Core's rate limiter on the pages marked <see cref="ThrottleAttribute"/>: every counted request takes a
/// permit from its client address's window and, where it names an account, from that account's window. A refused
/// request gets 429 with <c>Retry-After</c>, before the page runs (no password is checked, no mail is sent).
/// Requests to other endpoints pass through a metadata lookup only.
/// </summary>
public static class ThrottlingFeature
{
    private const string AccountItem = "cs-throttle-account";
    /// <summary>Longer typed addresses are cut: a key never holds more than this of what a client sent.</summary>
    private const int MaxAccountKey = 256;
    private static readonly RateLimitPartition<ThrottleKey> NotCounted = RateLimitPartition.GetNoLimiter(new ThrottleKey("", ""));

    public static IServiceCollection AddThrottling(this IServiceCollection services)
    {
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ThrottlingOptions>, ThrottlingOptionsValidator>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ThrottlingOptions>, TimeProvider>((limiter, throttling, clock) =>
        {
            var rules = throttling.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, ThrottleKey>(http => Counted(http) is { } throttle
                    ? Window(new ThrottleKey(throttle.Rule, ClientAddress(http)), rules.For(throttle.Rule).PerAddress, rules.For(throttle.Rule).Window, clock)
                    : NotCounted),
                PartitionedRateLimiter.Create<HttpContext, ThrottleKey>(http => Counted(http) is { } throttle && AccountOf(http) is { } account
                    ? Window(new ThrottleKey(throttle.Rule, account), rules.For(throttle.Rule).PerAccount, rules.For(throttle.Rule).Window, clock)
                    : NotCounted));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After authentication (the signed-in user is an account to count against), before the pages.</summary>
    public static IApplicationBuilder UseThrottling(this IApplicationBuilder app)
    {
        app.Use(ReadTypedAccountAsync);
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<ThrottleKey> Window(ThrottleKey key, int permits, TimeSpan window, TimeProvider clock) =>
        RateLimitPartition.Get(key, _ => new ClockWindowLimiter(permits, window, clock));

    /// <summary>The throttle a request counts under: POSTs of marked pages (of the named handler), and GETs that carry a guess.</summary>
    private static ThrottleAttribute? Counted(HttpContext http)
    {
        var throttle = http.GetEndpoint()?.Metadata.GetMetadata<ThrottleAttribute>();
        if (throttle is null) return null;
        var request = http.Request;
        if (HttpMethods.IsPost(request.Method))
        {
            var handler = request.RouteValues["handler"] as string ?? request.Query["handler"].ToString();
            return throttle.Handler is null || string.Equals(handler, throttle.Handler, StringComparison.OrdinalIgnoreCase) ? throttle : null;
        }
        var guessed = throttle.GuessedRouteValue is { } name && (request.RouteValues[name] as string ?? request.Query[name].ToString()).Length > 0;
        return guessed && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) ? throttle : null;
    }

    /// <summary>
    /// The partition callbacks cannot wait for the body, so the typed address is read here first. The form stays
    /// buffered for model binding; a form too large to read is counted by address only (and refused by the page).
    /// </summary>
    private static async Task ReadTypedAccountAsync(HttpContext http, RequestDelegate next)
    {
        if (Counted(http) is { AccountField: { } field } && http.Request.HasFormContentType)
        {
            try
            {
                var typed = (await http.Request.ReadFormAsync(http.RequestAborted))[field].ToString().Trim();
                if (typed.Length > MaxAccountKey) typed = typed[..MaxAccountKey];
                if (typed.Length > 0) http.Items[AccountItem] = "email:" + typed.ToUpperInvariant();
            }
            catch (InvalidDataException)
            {
            }
        }
        if (Counted(http) is { AccountIsPendingSignIn: true }
            && (await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme)).Principal?.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value is { } pendingUserId)
            http.Items[AccountItem] = "user:" + pendingUserId;
        await next(http);
    }

    private static string? AccountOf(HttpContext http) =>
        http.Items[AccountItem] as string
        ?? (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id ? "user:" + id : null);

    /// <summary>One IPv4 address, or one IPv6 /64 (what one subscriber is usually given).</summary>
    public static string ClientAddress(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "address:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return "address:" + address;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ThrottlingFeature))
            .LogWarning("Throttled {Method} {Path} from {Address}", http.Request.Method, http.Request.Path.Value, ClientAddress(http));
        if (!WantsJson(http.Request)) return; // the status-code page (/error/429) explains it in the visitor's language
        var t = http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(ThrottlingFeature));
        await http.Response.WriteAsJsonAsync(new
        {
            status = StatusCodes.Status429TooManyRequests,
            title = t["操作过于频繁"].Value,
            detail = t["请在 {0} 秒后再试。", seconds].Value,
            retryAfter = seconds,
        }, cancellationToken);
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || (request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A counter's identity: the rule, and the address or account it counts.</summary>
public readonly record struct ThrottleKey(string Rule, string Subject);
