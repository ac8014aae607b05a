using ContestSite.Core.Security;
using ContestSite.Search.Gallery;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Home;
using ContestSite.Web.Hosting;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;

namespace ContestSite.Web.Gallery;

public sealed class GalleryPermissions : IPermissionProvider
{
    public const string ViewGallery = "gallery.view";
    public const string ManageGallery = "gallery.manage";
    public IEnumerable<Permission> Permissions =>
    [
        new(ViewGallery, "作品展示", "浏览作品展示", ManageGallery) { HeldByThePublic = true },
        new(ManageGallery, "作品展示", "记录团队授权，发布、编辑和撤回展示作品"),
    ];
}

public sealed class GalleryNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "作品展示", "/gallery", GalleryPermissions.ViewGallery, 40),
        new(NavMenu.Admin, "作品展示管理", "/admin/gallery", GalleryPermissions.ManageGallery, 170),
    ];
}

public sealed class GalleryOptions
{
    public const string Section = "ContestSite:Gallery";
    /// <summary>Likes one account may give per minute; more are refused until the window passes.</summary>
    public int LikesPerMinute { get; set; } = 10;
}

public static class GalleryFeature
{
    public static IServiceCollection AddGallery(this IServiceCollection services, AppDataPaths paths)
    {
        services.AddOptions<GalleryOptions>().BindConfiguration(GalleryOptions.Section);
        // Like the catalogue's: a folder of this node's app data, so every node (and every test site) has its own.
        var folder = Path.Combine(paths.Index, "gallery");
        services.AddSingleton(_ => new GalleryIndex(new GalleryIndexOptions { Folder = folder }));
        services.AddSingleton<IGalleryEntrySource, EfGalleryEntrySource>();
        services.AddOptions<GalleryIndexingOptions>().BindConfiguration(GalleryIndexingOptions.Section)
            .Validate(o => o.FollowInterval > TimeSpan.Zero, "ContestSite:Gallery:Index:FollowInterval must be positive").ValidateOnStart();
        services.AddSingleton<GalleryIndexService>();
        services.AddHostedService(sp => sp.GetRequiredService<GalleryIndexService>());
        services.AddSingleton<GalleryLikeLimiter>();
        services.AddScoped<GalleryCache>();
        services.AddScoped<GalleryReader>();
        services.AddScoped<GalleryEntryDetails>();
        services.AddScoped<PublishToGallery>();
        services.AddScoped<ChangeGalleryEntry>();
        services.AddScoped<PublishAwardedEntries>();
        services.AddScoped<LikeGalleryEntry>();
        services.AddScoped<GalleryLikesOfVisitor>();
        services.AddScoped<SwitchGalleryLikes>();
        services.AddScoped<IFeaturedEntrySource, FeaturedGalleryEntries>();
        services.AddScoped<Catalog.IDatasetPageSectionProvider, DatasetApplications>();
        services.AddPermissions<GalleryPermissions>();
        services.AddNavigation<GalleryNavigation>();
        return services;
    }

    public static IEndpointRouteBuilder MapGallery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGalleryImages();
        endpoints.MapGalleryApi();
        return endpoints;
    }
}
