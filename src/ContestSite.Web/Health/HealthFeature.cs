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
        // A constant 200-byte answer through the same pipeline as the pages: the baseline of the public-pages benchmark.
        endpoints.MapGet("/bench/static", () => Results.Text(BenchStatic.Body, "text/plain")).ExcludeFromDescription();
        return endpoints;
    }
}

public static class BenchStatic
{
    public static readonly string Body = new string('x', 199) + "\n";
}

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(ContestDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
