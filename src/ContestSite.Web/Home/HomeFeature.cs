using System.Security.Claims;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Home;

/// <summary>A button on the home page that takes a person to what they came for (a localizer key and a link).</summary>
[ExtensionPoint]
public sealed record CallToAction(string Text, string Url, int Order, bool Primary = false);

/// <summary>Features add the home page's calls to action for the person looking (register a team, my team, my reviews…).</summary>
[ExtensionPoint]
public interface ICallToActionProvider
{
    Task<IEnumerable<CallToAction>> ForAsync(ClaimsPrincipal user, int? contestId, CancellationToken cancellationToken);
}

/// <summary>A showcased application on the home page; the gallery feature provides them once it exists.</summary>
[ExtensionPoint]
public sealed record FeaturedEntry(string Title, string TeamName, string Url, string? ImageUrl, string? AwardText);

[ExtensionPoint]
public interface IFeaturedEntrySource
{
    Task<IReadOnlyList<FeaturedEntry>> FeaturedAsync(int count, CancellationToken cancellationToken);
}

public static class HomeFeature
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddSingleton<ContestDeadlines>();
        services.AddSingleton<IPublicContentSchedule>(sp => sp.GetRequiredService<ContestDeadlines>());
        return services;
    }
}
