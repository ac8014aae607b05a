using System.Collections.Concurrent;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// A site booted once per test run and provider (schema migrated, default recipe run, indexes built), kept
/// stopped on disk and in PostgreSQL. Most tests start from a copy of it: copying a folder and
/// <c>CREATE DATABASE … TEMPLATE</c> cost a fraction of migrating and seeding an empty site.
/// </summary>
internal sealed class SiteTemplate
{
    private static readonly ConcurrentDictionary<TestProvider, Lazy<Task<SiteTemplate>>> Templates = new();
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "contestsite-tests", "templates-" + Environment.ProcessId);

    static SiteTemplate()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }

    private SiteTemplate(string appData, string? postgresDatabase)
    {
        AppData = appData;
        PostgresDatabase = postgresDatabase;
    }

    /// <summary>The stopped site's App_Data folder: database file (SQLite), keys, index folders.</summary>
    public string AppData { get; }

    /// <summary>The PostgreSQL database new databases are created from, when the provider is PostgreSQL.</summary>
    public string? PostgresDatabase { get; }

    public static Task<SiteTemplate> ForAsync(TestProvider provider) =>
        Templates.GetOrAdd(provider, p => new Lazy<Task<SiteTemplate>>(() => BuildAsync(p))).Value;

    /// <summary>Copies the template's App_Data into <paramref name="appData"/> (which must be empty).</summary>
    public void CopyTo(string appData)
    {
        foreach (var folder in Directory.EnumerateDirectories(AppData, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(appData, Path.GetRelativePath(AppData, folder)));
        foreach (var file in Directory.EnumerateFiles(AppData, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(appData, Path.GetRelativePath(AppData, file)));
    }

    private static async Task<SiteTemplate> BuildAsync(TestProvider provider)
    {
        var appData = Path.Combine(Root, provider.ToString());
        Directory.CreateDirectory(appData);
        var postgres = provider == TestProvider.Postgres ? await TestPostgresDatabase.CreateAsync() : null;
        var site = await SiteFactory.BootAsync(appData, provider, postgres);
        try
        {
            // A copy must start as the empty site would: nothing waiting to be mailed.
            var waiting = await site.WithDbAsync(db => db.Outbox.CountAsync());
            if (waiting != 0) throw new InvalidOperationException($"the template site has {waiting} mails waiting; copies would send them again");
        }
        finally
        {
            await site.StopKeepingStateAsync();
        }
        return new SiteTemplate(appData, postgres?.Name);
    }
}
