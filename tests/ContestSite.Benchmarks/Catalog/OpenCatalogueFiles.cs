using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Import;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>The real portal exports in ../shared/data/open-catalogues, read with the site's own importer.</summary>
internal static class OpenCatalogueFiles
{
    public static readonly string[] PortalFiles =
        ["zhejiang_zhejiang.json", "zhejiang_hangzhou.json", "jiangsu_jiangsu.json", "shanghai_shanghai.json"];

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
        throw new DirectoryNotFoundException("shared/data/open-catalogues was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every dataset of the four portal exports (one per source key).</summary>
    public static async Task<List<Dataset>> LoadAllAsync()
    {
        var all = new List<Dataset>();
        foreach (var file in PortalFiles)
        {
            await using var stream = File.OpenRead(Path.Combine(Folder(), file));
            var batch = await CatalogFileReader.ReadAsync(stream, DateTimeOffset.UtcNow);
            if (!batch.Succeeded)
            {
                throw new InvalidDataException($"{file}: {batch.FatalError}");
            }
            all.AddRange(batch.Datasets);
        }
        return all;
    }
}
