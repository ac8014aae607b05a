using ContestSite.Core.Security;
using ContestSite.Search;
using ContestSite.Web.Hosting;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using ContestSite.Web.Catalog.Review;
using ContestSite.Web.Setup;

namespace ContestSite.Web.Catalog;

public sealed class CatalogPermissions : IPermissionProvider
{
    public const string ViewCatalog = "catalog.view";
    public const string DownloadOpenData = "catalog.download";
    public const string ManageCatalog = "catalog.manage";
    /// <summary>开放目录绩效: downloads and applications per provider are the organizers' figures for the 通报, not public.</summary>
    public const string ViewPerformance = "catalog.performance";
    public IEnumerable<Permission> Permissions =>
    [
        new(ViewCatalog, "数据目录", "浏览和搜索数据目录", ManageCatalog) { HeldByThePublic = true },
        new(DownloadOpenData, "数据目录", "下载无条件开放数据集的文件", ManageCatalog) { HeldByThePublic = true },
        new(ManageCatalog, "数据目录", "维护数据目录：新增、编辑、下架数据集，上传文件，导入门户目录"),
        new(ViewPerformance, "数据目录", "查看开放目录绩效（各省级部门、设区市的新增数据集、下载量、数据申请和展示应用）并导出通报表", ManageCatalog),
    ];
}

public sealed class CatalogNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "数据目录", "/datasets", CatalogPermissions.ViewCatalog, 20),
        new(NavMenu.Admin, "数据目录", "/admin/datasets", CatalogPermissions.ManageCatalog, 200),
        new(NavMenu.Admin, "开放目录绩效", "/datasets/stats", CatalogPermissions.ViewPerformance, 201),
    ];
}

public static class CatalogFeature
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, AppDataPaths paths)
    {
        var folder = Path.Combine(paths.Index, "catalog");
        services.AddSingleton(_ => new CatalogIndex(new CatalogIndexOptions { Folder = folder }));
        services.AddSingleton(sp => new EfCatalogChangeSource(sp.GetRequiredService<IServiceScopeFactory>(), CatalogIndexIdentity.For(folder)));
        services.AddSingleton<CatalogIndexService>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogIndexService>());
        services.AddHealthChecks().AddCheck<CatalogIndexHealthCheck>("catalogue index");
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CatalogChangeInterceptor>();
        services.AddScoped<CatalogImportService>();
        services.AddScoped<UseCases.SaveDataset>();
        services.AddScoped<UseCases.ImportCatalogFile>();
        services.AddScoped<UseCases.AddDatasetFile>();
        services.AddScoped<UseCases.RemoveDatasetFile>();
        services.AddScoped<UseCases.CountDatasetView>();
        services.AddScoped<Review.SubmitForReview>();
        services.AddScoped<Review.ReturnToDraft>();
        services.AddScoped<Review.ReviewDatasets>();
        services.AddScoped<Review.ReviewQueue>();
        services.AddScoped<Contributions.ContributionFiles>();
        services.AddScoped<Contributions.ContributeDataset>();
        services.AddScoped<Contributions.MyContributions>();
        services.AddScoped<Contributions.ContributionEmails>();
        services.AddScoped<ContestSite.Web.Admin.IOrganizerTaskSource, Review.CatalogReviewTasks>();
        services.AddCatalogImportOptions();
        services.AddScoped<Performance.OpeningPerformance>();
        services.AddScoped<Performance.PerformanceExport>();
        services.AddOptions<Performance.CatalogTargetsOptions>().BindConfiguration(Performance.CatalogTargetsOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Performance.CatalogTargetsOptions>, Performance.CatalogTargetsOptionsValidator>();
        services.AddScoped<IRecipeStep, CatalogRecipeStep>();
        services.AddScoped<IRecipeStep, DatasetsRecipeStep>();
        services.AddSiteCommand<CatalogImportCommand>();
        services.AddSiteCommand<CatalogReindexCommand>();
        services.AddPermissions<CatalogPermissions>();
        services.AddNavigation<CatalogNavigation>();
        return services;
    }
}
