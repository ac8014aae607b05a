using ContestSite.Core.Security;
using ContestSite.Web.Hosting;
using ContestSite.Web.Navigation;
using ContestSite.Web.Security;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Audit;

public sealed class AuditPermissions : IPermissionProvider
{
    public const string ViewAuditLog = "audit.view";
    public IEnumerable<Permission> Permissions => [new(ViewAuditLog, "审计", "查看和导出审计日志，校验哈希链")];
}

public sealed class AuditNavigation : INavigationProvider
{
    public IEnumerable<NavItem> Items => [new(NavMenu.Admin, "审计日志", "/admin/audit", AuditPermissions.ViewAuditLog, 800)];
}

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditFiles>();
        services.AddSingleton<AuditChainKeys>();
        services.AddSingleton<AuditAnchor>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton<AuditCheckSignal>();
        services.AddHostedService<AuditVerificationJob>();
        services.AddHostedService<AuditDigestJob>();
        services.AddScoped<AuditNames>();
        services.AddScoped<AuditExport>();
        services.AddScoped<UseCases.RequestAuditCheck>();
        services.AddScoped<UseCases.ExportAuditLog>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddPermissions<AuditPermissions>();
        services.AddNavigation<AuditNavigation>();
        services.AddSiteCommand<AuditVerifyCommand>();
        services.AddSiteCommand<AuditRotateKeyCommand>();
        return services;
    }
}
