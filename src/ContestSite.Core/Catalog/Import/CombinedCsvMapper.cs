namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// The combined CSV of all four portals. Its open_type is already mapped where unambiguous and blank
/// otherwise; blanks are mapped here from open_type_raw with the same rules as the JSON exports.
/// </summary>
internal sealed class CombinedCsvMapper
{
    public const string Format = "combined-csv";

    private static readonly string[] Columns =
    [
        "source", "region", "title", "description", "department", "domain", "open_type", "open_type_raw",
        "update_frequency", "formats", "record_count", "publish_date", "update_date", "tags", "url",
    ];

    private readonly Dictionary<string, int> _index;

    private CombinedCsvMapper(Dictionary<string, int> index) => _index = index;

    /// <summary>A mapper for this header, or null when it lacks a column the format needs.</summary>
    public static CombinedCsvMapper? ForHeader(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }
        return Columns.All(index.ContainsKey) ? new CombinedCsvMapper(index) : null;
    }

    public static string DescribeExpectedHeader() => string.Join(",", Columns);

    public int ColumnCount => _index.Count;

    public RowResult Map(IReadOnlyList<string> fields, DateTimeOffset now)
    {
        if (fields.Count != ColumnCount)
        {
            return RowResult.Fail($"应有 {ColumnCount} 列，实际 {fields.Count} 列");
        }
        string? Get(string column) => ImportValues.Text(fields[_index[column]]);

        var source = Get("source");
        var title = Get("title");
        if (source is null || title is null)
        {
            return RowResult.Fail("source or title is empty");
        }
        var (province, city, district) = SplitRegion(Get("region"), source);
        var rawOpenType = Get("open_type_raw");
        var dataset = new Dataset
        {
            Title = title,
            Source = source,
            Status = DatasetStatus.Published,
            CreatedAt = now,
            UpdatedAt = now,
            Province = province,
            City = city,
            District = district,
            Description = Get("description"),
            Provider = ImportValues.QualifiedProvider(Get("department"), district),
            Domain = Get("domain"),
            OpenTypeLabel = rawOpenType,
            OpenType = OpenTypeMapper.FromPlanName(Get("open_type")) ?? OpenTypeMapper.Map(rawOpenType),
            SensitivityLevel = OpenTypeMapper.SensitivityLevel(rawOpenType),
            UpdateFrequency = ImportValues.UpdateFrequency(Get("update_frequency")),
            Formats = ImportValues.Formats([Get("formats")]),
            RecordCount = ImportValues.Count(Get("record_count")),
            FirstPublished = ImportValues.Date(Get("publish_date")),
            LastUpdated = ImportValues.Date(Get("update_date")),
            Tags = ImportValues.Tags(Get("tags")),
            SourceUrl = Get("url"),
        };
        dataset.SourceKey = SourceKeys.For(source, dataset.SourceUrl, dataset.Provider, title);
        dataset.SourceUrl = SourceLinks.OnPortal(source, dataset.SourceUrl);
        return RowResult.Ok(dataset);
    }

    /// <summary>Regions are written as 浙江省, 杭州市 or 杭州市拱墅区; a bare municipality (上海市) is a province-level name.</summary>
    private static (string? Province, string? City, string? District) SplitRegion(string? region, string source)
    {
        var province = CatalogSources.ProvinceOf(source);
        if (region is null || region == province)
        {
            return (province ?? region, null, null);
        }
        var cityEnd = region.IndexOf('市', StringComparison.Ordinal);
        if (cityEnd < 0)
        {
            return (province, region, null);
        }
        var city = region[..(cityEnd + 1)];
        var district = region.Length > cityEnd + 1 ? region[(cityEnd + 1)..] : null;
        return (province, city, district);
    }
}
