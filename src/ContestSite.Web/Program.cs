using ContestSite.Web.Hosting;

// A command (setup, audit verify, catalog import…) runs against the configured site and exits;
// anything else starts the site.
var isCommand = SiteCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
try
{
    builder.AddContestSite();
    var app = builder.Build();
    if (isCommand) return await SiteCommands.RunAsync(app, args);
    app.UseContestSite();
    await app.RunAsync();
    return 0;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync("设置有误，站点未启动 / invalid settings, the site did not start:");
    foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync("  " + failure);
    return 3;
}
catch (InvalidOperationException ex) when (ex.Message.Contains("ContestSite", StringComparison.Ordinal) || ex.Message.Contains("ConnectionStrings", StringComparison.Ordinal))
{
    // A value the configuration binder cannot convert, e.g. an unknown database provider.
    await Console.Error.WriteLineAsync("设置有误，站点未启动 / invalid settings, the site did not start:");
    await Console.Error.WriteLineAsync("  " + ex.Message);
    return 3;
}

public partial class Program;
