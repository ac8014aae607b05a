using System.Net.Http.Json;
using System.Text.Json;
using ContestSite.Web.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// Real catalogues, imports through the site's own service, and waiting for the index to catch up. The imports here
/// publish as the operator's setup recipe does (recorded as published by the operator): the tests using them are about
/// search and import, and reviewing thousands of datasets is the review's own tests.
/// </summary>
internal static class CatalogTestKit
{
    public static string RealFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "open-catalogues", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("The real catalogues were not found: expected shared/data/open-catalogues beside the repository", name);
    }

    public static async Task<CatalogImportReport> ImportAsync(SiteFactory site, string path)
    {
        using var scope = site.Services.CreateScope();
        await using var file = File.OpenRead(path);
        return await scope.ServiceProvider.GetRequiredService<CatalogImportService>().ImportAsync(file, ImportArrival.PublishedByOperator("测试运维"));
    }

    public static async Task<CatalogImportReport> ImportTextAsync(SiteFactory site, string content)
    {
        using var scope = site.Services.CreateScope();
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        return await scope.ServiceProvider.GetRequiredService<CatalogImportService>().ImportAsync(file, ImportArrival.PublishedByOperator("测试运维"));
    }

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/datasets?" + query);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>How long the index follower rests when it has caught up (CatalogIndexService): one step of the site's clock wakes it.</summary>
    private static readonly TimeSpan FollowerRest = TimeSpan.FromMilliseconds(500);

    /// <summary>Polls the API until the index shows what the test waits for, moving the site's clock so the follower runs between polls.</summary>
    public static async Task<JsonElement> WaitForSearchAsync(SiteFactory site, HttpClient client, string query, Func<JsonElement, bool> done, int seconds = 30)
    {
        JsonElement last = default;
        await site.WhileTimePassesUntilAsync(async () => done(last = await SearchAsync(client, query)), FollowerRest, seconds);
        return last;
    }

    public static int Total(JsonElement result) => result.GetProperty("total").GetInt32();
}
