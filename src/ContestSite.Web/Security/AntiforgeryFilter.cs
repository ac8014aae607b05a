using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Security;

/// <summary>
/// The antiforgery check of minimal-API endpoints that change data with the person's cookie: the request must
/// carry the page's token (the <c>RequestVerificationToken</c> header, or the form field). Reads (GET, HEAD)
/// pass. A refused request reaches no handler and changes nothing: a form post gets the 400 status page, as a
/// Razor page's refused post does; a script gets 400 with <c>{ "error": "…" }</c> in the person's language.
/// </summary>
public static class AntiforgeryFilter
{
    /// <param name="signedInOnly">
    /// Check only signed-in requests: for endpoints whose anonymous use changes nothing but the visitor's own
    /// browser, so public pages can leave the token out and stay cacheable.
    /// </param>
    public static TBuilder RequireAntiforgery<TBuilder>(this TBuilder builder, bool signedInOnly = false) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (signedInOnly && http.User.Identity?.IsAuthenticated != true) return await next(context);
            if (await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http)) return await next(context);
            if (http.Request.HasFormContentType) return Results.BadRequest();
            var t = http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(AntiforgeryFilter));
            return Results.Json(new { error = t["页面已过期，请刷新页面后重试"].Value }, statusCode: StatusCodes.Status400BadRequest);
        });
}
