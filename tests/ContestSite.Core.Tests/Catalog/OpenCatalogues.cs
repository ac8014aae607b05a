using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Import;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>The real portal exports next to the repository (../shared/data/open-catalogues); missing means failing.</summary>
internal static class OpenCatalogues
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "open-catalogues");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            "The real catalogues were not found: expected a folder shared/data/open-catalogues beside the repository, above " + AppContext.BaseDirectory);
    }

    public static string File(string name) => Path.Combine(Folder(), name);

    public static async Task<ImportBatch> ReadAsync(string name)
    {
        await using var stream = System.IO.File.OpenRead(File(name));
        return await CatalogFileReader.ReadAsync(stream, TestClock.Now);
    }

    public static async Task<ImportBatch> ReadTextAsync(string content)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        return await CatalogFileReader.ReadAsync(stream, TestClock.Now);
    }

    public static async Task<List<Dataset>> AllPortalsAsync()
    {
        var all = new List<Dataset>();
        foreach (var name in new[] { "zhejiang_zhejiang.json", "zhejiang_hangzhou.json", "jiangsu_jiangsu.json", "shanghai_shanghai.json" })
        {
            all.AddRange((await ReadAsync(name)).Datasets);
        }
        return all;
    }
}

internal static class TestClock
{
    public static readonly DateTimeOffset Now = new(2023, 11, 1, 10, 0, 0, TimeSpan.FromHours(8));
}
