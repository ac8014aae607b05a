namespace ContestSite.Web.Hosting;

/// <summary>The site's content security policy; a page may set it with one framed origin added (a gallery entry's video player).</summary>
[ExtensionPoint]
public static class ContentSecurity
{
    public const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; media-src 'self'";

    /// <summary>The site's policy plus one origin allowed in frames; nothing else is loosened.</summary>
    public static string PolicyFraming(string origin) => Policy + "; frame-src " + origin;
}

/// <summary>Headers that keep pages from being framed, sniffed or leaking where they link to.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An endpoint that set its own policy (the sandbox of an inline PDF) keeps it.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurity.Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
