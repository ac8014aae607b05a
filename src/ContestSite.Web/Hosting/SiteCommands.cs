using ContestSite.Data;

namespace ContestSite.Web.Hosting;

/// <summary>A command of the site's executable, e.g. <c>setup --recipe file</c> or <c>audit verify</c>.</summary>
[ExtensionPoint]
public interface ISiteCommand
{
    /// <summary>The words that name it, e.g. ["audit", "verify"].</summary>
    IReadOnlyList<string> Words { get; }
    string Usage { get; }
    /// <summary>Runs with the arguments after the command words; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> arguments, IServiceProvider services, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>How a feature adds its commands.</summary>
[ExtensionPoint]
public static class SiteCommandServices
{
    public static IServiceCollection AddSiteCommand<TCommand>(this IServiceCollection services) where TCommand : class, ISiteCommand =>
        services.AddSingleton<ISiteCommand, TCommand>();
}

public static class SiteCommands
{
    /// <summary>The first words of every command, so Program can tell a command from a normal start.</summary>
    public static readonly string[] Verbs = ["setup", "accounts", "audit", "catalog", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var output = Console.Out;
        var commands = app.Services.GetServices<ISiteCommand>().ToList();
        var command = commands.FirstOrDefault(c => c.Words.Count <= args.Length && c.Words.SequenceEqual(args.Take(c.Words.Count)));
        if (command is null)
        {
            await Console.Error.WriteLineAsync(args[0] == "help" ? "" : $"未知命令 / unknown command: {string.Join(' ', args)}");
            await output.WriteLineAsync("Commands:");
            foreach (var c in commands) await output.WriteLineAsync($"  {c.Usage}");
            return args[0] == "help" ? 0 : 2;
        }
        try
        {
            using (var scope = app.Services.CreateScope())
                await DatabaseMigration.MigrateAsync(scope.ServiceProvider.GetRequiredService<ContestDbContext>());
            return await command.RunAsync(args.Skip(command.Words.Count).ToList(), app.Services, output, CancellationToken.None);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"失败 / failed: {ex.Message}");
            return 1;
        }
    }
}
