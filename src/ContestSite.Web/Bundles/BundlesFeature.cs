using ContestSite.Core.Security;
using ContestSite.Web.Bundles.Serving;
using ContestSite.Web.Bundles.UseCases;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Bundles;

public sealed class BundlePermissions : IPermissionProvider
{
    public const string UseBundles = "bundles.use";
    public const string ManageBundles = "bundles.manage";
    public const string DecideApplications = "bundles.decide";
    public const string GiveOpinions = "bundles.opinion";
    /// <summary>应急处置: its own permission, so a data-security officer can stop data without curating bundles; bundles.manage implies it.</summary>
    public const string ManageIncidents = "bundles.incidents";
    public IEnumerable<Permission> Permissions =>
    [
        new(UseBundles, "数据包", "获取本赛道的数据包，申请使用受限开放数据") { HeldByThePublic = true },
        new(ManageBundles, "数据包", "组建各赛道的数据包，设置字段脱敏规则，处理下载风险预警"),
        new(DecideApplications, "数据包", "审批受限开放数据的使用申请，征求专家意见，撤销许可"),
        new(GiveOpinions, "数据包", "作为专家委员会成员对数据使用申请出具意见"),
        new(ManageIncidents, "数据包", "应急处置：立即暂停提供某个数据集或全部受限开放数据，解除后恢复或撤销被暂停的许可", ManageBundles),
    ];
}

public sealed class BundlesNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items =>
    [
        new(NavMenu.Main, "数据包", "/bundles", BundlePermissions.UseBundles, 210),
        new(NavMenu.Main, "数据申请意见", "/data-applications/opinions", BundlePermissions.GiveOpinions, 220),
        new(NavMenu.Admin, "数据包", "/admin/bundles", BundlePermissions.ManageBundles, 210),
        new(NavMenu.Admin, "数据使用申请", "/admin/data-applications", BundlePermissions.DecideApplications, 220),
        new(NavMenu.Admin, "数据风险预警", "/admin/data-risk", BundlePermissions.ManageBundles, 230),
        new(NavMenu.Admin, "应急处置", "/admin/incidents", BundlePermissions.ManageIncidents, 240),
        new(NavMenu.Admin, "数据使用协议", "/admin/agreements", BundlePermissions.ManageBundles, 250),
        new(NavMenu.Admin, "数据销毁", "/admin/data-closeouts", BundlePermissions.DecideApplications, 225),
    ];
}

public static class BundlesFeature
{
    public static IServiceCollection AddBundles(this IServiceCollection services)
    {
        services.AddOptions<BundleOptions>().BindConfiguration(BundleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BundleOptions>, BundleOptionsValidator>();
        services.AddSingleton<MaskingKeySource>();
        services.AddScoped<ContestSite.Web.Admin.IOrganizerTaskSource, BundleTasks>();
        services.AddScoped<DataAccess>();
        services.AddScoped<MaskingPlans>();
        services.AddScoped<ResourceWriter>();
        services.AddScoped<RiskMonitor>();
        services.AddScoped<ApplicationEmails>();
        services.AddScoped<BundleIssuer>();
        services.AddScoped<FileDownload>();
        services.AddScoped<EditBundle>();
        services.AddScoped<SaveMaskingRules>();
        services.AddScoped<ApplyForDataset>();
        services.AddScoped<Agreements>();
        services.AddScoped<PublishAgreement>();
        services.AddScoped<AcceptBundleTerms>();
        services.AddScoped<DecideApplication>();
        services.AddScoped<GiveOpinion>();
        services.AddScoped<ContestSite.Web.Setup.IRecipeStep, BundlesRecipeStep>();
        services.AddScoped<ContestSite.Web.Setup.IRecipePreparation, MaskingKeyPreparation>();
        services.AddScoped<ClearRiskFlag>();
        services.AddScoped<Incidents.IncidentEmails>();
        services.AddScoped<Incidents.StartIncident>();
        services.AddScoped<Incidents.LiftIncident>();
        services.AddScoped<Incidents.ResolveSuspension>();
        services.AddScoped<CloseOuts.CloseOutQueries>();
        services.AddScoped<CloseOuts.CloseOutEmails>();
        services.AddScoped<CloseOuts.CloseOutDuties>();
        services.AddScoped<CloseOuts.CloseOutViews>();
        services.AddScoped<CloseOuts.AttestCloseOut>();
        services.AddScoped<CloseOuts.EscalateCloseOut>();
        services.AddSingleton<CloseOuts.CloseOutJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CloseOuts.CloseOutJob>());
        services.AddPermissions<BundlePermissions>();
        services.AddNavigation<BundlesNavigation>();
        return services;
    }

    public static IEndpointRouteBuilder MapBundles(this IEndpointRouteBuilder endpoints) => endpoints.MapBundleDownload();
}
