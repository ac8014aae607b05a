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
public sealed class SiteInitializer(IServiceScopeFactory scopes, IOptions<SiteOptions> options, IHostEnvironment environment, StartupBanner banner,
    ILogger<SiteInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Checked at every start, so a mistyped name is found before the day it would matter.
        var (recipe, recipeName) = ChooseRecipe(options.Value.Setup.Recipe, environment);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        await DatabaseMigration.MigrateAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<AuditAnchor>().CatchUpAsync(db, cancellationToken);
        if (await db.Roles.AnyAsync(cancellationToken)) return;

        var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunFileAsync(recipe, cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"配方 {recipeName} 运行失败 / the recipe {recipeName} failed (ContestSite__Setup__Recipe): {result.Error}");
        logger.LogInformation("The recipe {Recipe} set up an empty site", recipeName);
        // Shown on the console only, at the end of start-up: the generated passwords must not end up in log files.
        banner.Remember(recipeName, result);
    }

    /// <summary>
    /// <c>ContestSite__Setup__Recipe</c>: a name under <c>recipes/</c> or a path; unset, <c>demo</c> in Development (a live
    /// season to try at once) and <c>default</c> elsewhere (an empty contest to set up). An unknown one stops the start.
    /// </summary>
    public static (string Path, string Name) ChooseRecipe(string? setting, IHostEnvironment environment)
    {
        var name = string.IsNullOrWhiteSpace(setting) ? (environment.IsDevelopment() ? "demo" : "default") : setting.Trim();
        var isPath = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/') || name.Contains('\\');
        var path = ResolveRecipePath(isPath ? name : Path.Combine("recipes", name + ".recipe.json"), environment.ContentRootPath);
        if (File.Exists(path)) return (path, name);
        var known = Directory.Exists(Path.GetDirectoryName(path)) && !isPath
            ? string.Join(", ", Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).Order())
            : "default, demo";
        throw new InvalidOperationException(isPath
            ? $"ContestSite__Setup__Recipe: 找不到配方文件 / no recipe file at {path}"
            : $"ContestSite__Setup__Recipe: 没有名为“{name}”的配方 / no recipe named '{name}' (可用 / available: {known}; 或写 .recipe.json 文件的路径 / or give the path of a .recipe.json file)");
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
