using ContestSite.Core.Security;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Admin;

public sealed class AdminPermissions : IPermissionProvider
{
    public const string AccessAdmin = "admin.access";
    public IEnumerable<Permission> Permissions => [new(AccessAdmin, "管理后台", "进入管理后台")];
}

public sealed class AdminNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items => [new(NavMenu.Main, "管理后台", "/admin", AdminPermissions.AccessAdmin, 1000)];
}

public static class AdminFeature
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddPermissions<AdminPermissions>();
        services.AddNavigation<AdminNavigation>();
        services.AddScoped<OrganizerInbox>();
        services.AddOptions<OrganizerDigestOptions>().BindConfiguration(OrganizerDigestOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganizerDigestOptions>, OrganizerDigestOptionsValidator>();
        services.AddSingleton<OrganizerDigestJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OrganizerDigestJob>());
        return services;
    }
}
