using System.Security.Claims;

namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>
/// Sends a signed-in organizer or judge without an authenticator to enrolment before any other page. Asked on every
/// request (not from the cookie), so a role granted later forces enrolment at the member's next request. Only what
/// enrolment itself needs stays open: its page, sign-out, error pages, the language switch and the health check
/// (static files are served before this runs).
/// </summary>
public static class EnrolmentGate
{
    public const string EnrolmentPath = "/account/two-factor";
    private static readonly PathString[] Open = [EnrolmentPath, "/account/logout", "/error", "/culture", "/healthz"];

    /// <summary>After authentication, before authorization and the pages: a refused request changes nothing.</summary>
    public static IApplicationBuilder UseSecondFactorEnrolment(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true
            && !Open.Any(open => http.Request.Path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))
            && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && await http.RequestServices.GetRequiredService<SecondFactorPolicy>().OwesEnrolmentAsync(userId, http.RequestAborted))
        {
            // A page asked for is returned to after enrolment; a form posted is dropped (it did nothing).
            var returnTo = HttpMethods.IsGet(http.Request.Method) ? (http.Request.Path + http.Request.QueryString).ToString() : null;
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Redirect(returnTo is not null && returnTo != "/" && SafeReturnUrl.IsLocal(returnTo)
                ? EnrolmentPath + "?returnUrl=" + Uri.EscapeDataString(returnTo)
                : EnrolmentPath);
            return;
        }
        await next(http);
    });
}
