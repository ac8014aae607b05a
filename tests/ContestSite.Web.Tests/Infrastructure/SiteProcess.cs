using System.Diagnostics;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>Runs the site's executable as a separate process, the way an operator runs its commands.</summary>
public static class SiteProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ContestSite.Web.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Settings for a site whose state lives in <paramref name="appData"/>, SQLite, mail to the pickup folder.</summary>
    public static Dictionary<string, string> SqliteSite(string appData) => new()
    {
        ["ContestSite__AppDataPath"] = appData,
        ["ContestSite__Database__Provider"] = "Sqlite",
        ["ContestSite__Setup__AdminEmail"] = "ops@test.local",
        ["ContestSite__Setup__AdminPassword"] = "Ops-pass-2020",
        ["ContestSite__PublicBaseUrl"] = "http://127.0.0.1",
    };

    public static string NewAppDataFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "contestsite-tests", "proc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// A folder holding a copy of the SQLite site booted once per run (<see cref="SiteTemplate"/>), for a process that
    /// should find a site already set up rather than pay for the first start (migrations, recipe, catalogue, index).
    /// </summary>
    public static async Task<string> NewSetUpAppDataFolderAsync()
    {
        var path = NewAppDataFolder();
        (await SiteTemplate.ForAsync(TestProvider.Sqlite)).CopyTo(path);
        return path;
    }
}
