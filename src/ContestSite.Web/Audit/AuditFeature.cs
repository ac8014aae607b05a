using ContestSite.Core.Security;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;

namespace ContestSite.Web.Audit;

public sealed class AuditPermissions : IPermissionProvider
{
    public const string ViewAuditLog = "audit.view";
    public IEnumerable<Permission> Permissions => [new(ViewAuditLog, "审计", "查看和导出审计日志，校验哈希链")];
}

public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddPermissions<AuditPermissions>();
        services.AddSiteCommand<AuditVerifyCommand>();
        return services;
    }
}
