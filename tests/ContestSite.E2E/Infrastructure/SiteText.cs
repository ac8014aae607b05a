using ContestSite.Web.Localization;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ContestSite.E2E.Infrastructure;

/// <summary>What the site's own localizer says for a UI text in a language, to compare with what the browser shows.</summary>
public static class SiteText
{
    public static string In(SiteFactory site, string culture, string chinese)
    {
        var localizer = site.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SiteText));
        return SiteCultures.With(culture, () => localizer[chinese].Value);
    }
}
