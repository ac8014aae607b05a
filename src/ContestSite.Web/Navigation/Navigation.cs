using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;

namespace ContestSite.Web.Navigation;

public enum NavMenu { Main, Admin }

/// <summary>A link in a menu. <see cref="Text"/> is the Chinese text, translated by the localizer.</summary>
public sealed record NavItem(NavMenu Menu, string Text, string Url, string? Permission, int Order);

/// <summary>A feature adds its menu links by registering one of these.</summary>
public interface INavigationProvider
{
    IEnumerable<NavItem> Items { get; }
}

/// <summary>The links of a menu that the current user may follow, in order.</summary>
public sealed class NavigationMenu(IEnumerable<INavigationProvider> providers, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<NavItem>> VisibleAsync(NavMenu menu, ClaimsPrincipal user)
    {
        var visible = new List<NavItem>();
        foreach (var item in providers.SelectMany(p => p.Items).Where(i => i.Menu == menu).OrderBy(i => i.Order))
        {
            if (item.Permission is null
                || (await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + item.Permission)).Succeeded)
                visible.Add(item);
        }
        return visible;
    }
}

public static class NavigationServiceCollectionExtensions
{
    public static IServiceCollection AddNavigation<TProvider>(this IServiceCollection services) where TProvider : class, INavigationProvider
    {
        services.AddSingleton<INavigationProvider, TProvider>();
        services.AddScoped<NavigationMenu>();
        return services;
    }
}
