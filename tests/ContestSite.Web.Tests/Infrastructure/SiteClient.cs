using System.Net;
using System.Text.RegularExpressions;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>A browser-like client of the site: keeps cookies, reads forms' antiforgery tokens, does not follow redirects.</summary>
public sealed partial class SiteClient(HttpClient http, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Http { get; } = http;
    /// <summary>The client's cookies, when the site factory made it (a test can copy them, as a thief would).</summary>
    public CookieContainer? Cookies { get; } = cookies;

    public async Task<Page> GetAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return await Page.ReadAsync(response);
    }

    /// <summary>Loads <paramref name="formPage"/>, takes its antiforgery token and posts the fields to <paramref name="action"/> (default: the same page).</summary>
    public async Task<Page> PostFormAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var page = await GetAsync(formPage);
        var token = page.AntiforgeryToken ?? throw new InvalidOperationException($"{formPage} has no antiforgery token (status {(int)page.Status})");
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await PostAsync(action ?? formPage, content);
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await Http.PostAsync(url, new FormUrlEncodedContent(fields));
        return await Page.ReadAsync(response);
    }

    public async Task<Page> SignInAsync(string email, string password, string? returnUrl = null)
    {
        var url = "/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        return await PostFormAsync(url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["ReturnUrl"] = returnUrl ?? "" });
    }

    public void Dispose() => Http.Dispose();

    public sealed partial record Page(HttpStatusCode Status, string Html, Uri? Location, System.Net.Http.Headers.HttpResponseHeaders Headers)
    {
        public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location, response.Headers);

        public string? AntiforgeryToken => TokenPattern().Match(Html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        /// <summary>The page's text with tags removed and entities decoded, for asserting on what a person reads.</summary>
        public string Text => WebUtility.HtmlDecode(TagPattern().Replace(Html, " "));

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();

        [GeneratedRegex("<[^>]+>")]
        private static partial Regex TagPattern();
    }
}
