using ContestSite.Web.Hosting;

namespace ContestSite.Web.Setup;

public sealed class SetupCommand(IHostEnvironment environment) : ISiteCommand
{
    public IReadOnlyList<string> Words => ["setup"];
    public string Usage => "setup --recipe <file>      runs a recipe against the configured site";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var index = arguments.ToList().IndexOf("--recipe");
        if (index < 0 || index + 1 >= arguments.Count)
        {
            await Console.Error.WriteLineAsync("用法 / usage: " + Usage);
            return 2;
        }
        var path = SiteInitializer.ResolveRecipePath(arguments[index + 1], environment.ContentRootPath);
        using var scope = services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().RunFileAsync(path, cancellationToken);
        foreach (var message in result.Messages) await output.WriteLineAsync(message);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return 1;
        }
        await output.WriteLineAsync($"配方已应用 / recipe applied: {path}");
        return 0;
    }
}
