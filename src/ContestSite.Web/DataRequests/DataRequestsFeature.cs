using ContestSite.Core.Security;
using ContestSite.Web.DataRequests.UseCases;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;

namespace ContestSite.Web.DataRequests;

/// <summary>
/// Reading requests needs only the catalogue's reading permission (the public has it); asking needs an account;
/// handling them is part of keeping the catalogue, so whoever manages the catalogue may do it.
/// </summary>
public sealed class DataRequestPermissions : IPermissionProvider
{
    public const string ManageRequests = "datarequests.manage";
    public const string CatalogView = "catalog.view";
    public const string CatalogManage = "catalog.manage";
    public IEnumerable<Permission> Permissions =>
    [
        new(ManageRequests, "数据需求", "处理数据需求：转办数源单位、答复、关联开放的数据集", CatalogManage),
    ];
}

public sealed class DataRequestsNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "数据需求", "/data-requests", DataRequestPermissions.CatalogView, 25),
    ];
}

public static class DataRequestsFeature
{
    public static IServiceCollection AddDataRequests(this IServiceCollection services)
    {
        services.AddScoped<AskForData>();
        services.AddScoped<SupportDataRequest>();
        services.AddScoped<HandleDataRequest>();
        services.AddScoped<DataRequestEmails>();
        services.AddScoped<Web.Admin.IOrganizerTaskSource, DataRequestTasks>();
        services.AddPermissions<DataRequestPermissions>();
        services.AddNavigation<DataRequestsNavigation>();
        return services;
    }
}
