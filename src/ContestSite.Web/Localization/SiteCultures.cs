using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ContestSite.Web.Localization;

/// <summary>The languages of the site: Simplified Chinese first, English available.</summary>
public static class SiteCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] All = [Chinese, English];

    public static bool IsSupported(string? culture) => culture is not null && All.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static RequestLocalizationOptions CreateOptions()
    {
        var cultures = All.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // A visitor's explicit choice (cookie) wins; the browser's language is not consulted, so the
        // site is Chinese first for everybody until they switch.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>Runs <paramref name="action"/> with the given UI culture, e.g. to write an email in the recipient's language.</summary>
    public static T With<T>(string? culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = new CultureInfo(IsSupported(culture) ? culture! : Chinese);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = chosen;
        try { return action(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi); }
    }
}
