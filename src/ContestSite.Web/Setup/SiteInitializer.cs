using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Setup;

/// <summary>
/// Before the site serves its first request: bring the schema up to date, catch the audit anchor up, and on the first start of an
/// empty site run the default recipe and print the organizer's sign-in.
/// </summary>
public sealed class SiteInitializer(IServiceScopeFactory scopes, IOptions<SiteOptions> options, IHostEnvironment environment, ILogger<SiteInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        await DatabaseRegistration.MigrateAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AuditAnchor>().CatchUpAsync(db, cancellationToken);
        if (await db.Roles.AnyAsync(cancellationToken)) return;

        var recipe = ResolveRecipePath(options.Value.Setup.DefaultRecipe, environment.ContentRootPath);
        var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunFileAsync(recipe, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"默认配方运行失败 / the default recipe failed: {result.Error}");
        logger.LogInformation("The default recipe set up an empty site");
        // Written to the console only: the generated password must not end up in log files.
        foreach (var message in result.Messages) Console.WriteLine(message);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A relative recipe path is looked for beside the program first, then from the content root.</summary>
    public static string ResolveRecipePath(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path)) return path;
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, path), Path.Combine(contentRoot, path), Path.GetFullPath(path) })
            if (File.Exists(candidate)) return candidate;
        return Path.Combine(AppContext.BaseDirectory, path);
    }
}
