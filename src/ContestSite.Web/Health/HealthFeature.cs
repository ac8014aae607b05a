using ContestSite.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContestSite.Web.Health;

public static class HealthFeature
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz").ExcludeFromDescription();
        return endpoints;
    }
}

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(ContestDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
