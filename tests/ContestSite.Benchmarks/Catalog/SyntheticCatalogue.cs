using ContestSite.Core.Catalog;

namespace ContestSite.Benchmarks.Catalog;

/// <summary>
/// A catalogue of any size built from the real records: copy k of a record is published by the same
/// kind of department of another Zhejiang city, with the city in its title. Deterministic.
/// </summary>
internal static class SyntheticCatalogue
{
    private static readonly string[] Cities = ["宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"];

    public static List<Dataset> Build(IReadOnlyList<Dataset> real, int size)
    {
        var random = new Random(20230601);
        var datasets = new List<Dataset>(size);
        for (var i = 0; i < size; i++)
        {
            var source = real[i % real.Count];
            var copy = i / real.Count;
            var city = copy == 0 ? null : Cities[(copy - 1) % Cities.Length];
            datasets.Add(new Dataset
            {
                Id = DeterministicId(i),
                Title = city is null ? source.Title : $"{city}{source.Title}",
                Description = source.Description,
                Provider = city is null ? source.Provider : $"{city}{source.Provider}",
                Province = source.Province,
                City = city ?? source.City,
                District = city is null ? source.District : null,
                Domain = source.Domain,
                Industry = source.Industry,
                Tags = source.Tags,
                OpenType = source.OpenType,
                OpenTypeLabel = source.OpenTypeLabel,
                Formats = source.Formats,
                UpdateFrequency = source.UpdateFrequency,
                FirstPublished = source.FirstPublished,
                LastUpdated = source.LastUpdated?.AddDays(-copy),
                Status = DatasetStatus.Published,
                DownloadCount = random.Next(0, 5000),
                ViewCount = random.Next(0, 50000),
                Source = source.Source,
            });
        }
        return datasets;
    }

    private static Guid DeterministicId(int i)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(i + 1).CopyTo(bytes, 0);
        return new Guid(bytes);
    }
}
