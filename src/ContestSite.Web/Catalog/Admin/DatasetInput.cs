using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ContestSite.Core.Catalog;

namespace ContestSite.Web.Catalog.Admin;

/// <summary>The fields of the dataset form; lists are typed one item per line (fields: name|type|description|敏感).</summary>
public sealed class DatasetInput
{
    [Required(ErrorMessage = "请填写标题"), StringLength(300, ErrorMessage = "标题不能超过 300 个字符")] public string Title { get; set; } = "";
    [StringLength(8000, ErrorMessage = "摘要不能超过 8000 个字符")] public string? Description { get; set; }
    [StringLength(200, ErrorMessage = "数源单位不能超过 200 个字符")] public string? Provider { get; set; }
    [StringLength(50, ErrorMessage = "地区名称不能超过 50 个字符")] public string? Province { get; set; }
    [StringLength(50, ErrorMessage = "地区名称不能超过 50 个字符")] public string? City { get; set; }
    [StringLength(50, ErrorMessage = "地区名称不能超过 50 个字符")] public string? District { get; set; }
    [StringLength(100, ErrorMessage = "数据领域不能超过 100 个字符")] public string? Domain { get; set; }
    [StringLength(100, ErrorMessage = "行业分类不能超过 100 个字符")] public string? Industry { get; set; }
    [StringLength(1000, ErrorMessage = "标签过长")] public string? Tags { get; set; }
    public OpenType OpenType { get; set; } = OpenType.Restricted;
    [StringLength(200, ErrorMessage = "门户标注过长")] public string? OpenTypeLabel { get; set; }
    [Range(1, 4, ErrorMessage = "分类分级须为 1 到 4")] public int? SensitivityLevel { get; set; }
    [StringLength(300, ErrorMessage = "数据格式过长")] public string? Formats { get; set; }
    [StringLength(20000, ErrorMessage = "字段列表过长")] public string? Fields { get; set; }
    [Range(0, long.MaxValue, ErrorMessage = "数据量不能为负数")] public long? RecordCount { get; set; }
    [StringLength(100, ErrorMessage = "更新频率过长")] public string? UpdateFrequency { get; set; }
    [InputDateRange] public DateOnly? FirstPublished { get; set; }
    [InputDateRange] public DateOnly? LastUpdated { get; set; }
    /// <summary>Why the open type, level or sensitive fields change; required for such a change, kept in the dataset's history.</summary>
    public string? ClassificationReason { get; set; }

    public static DatasetInput From(Dataset d) => new()
    {
        Title = d.Title, Description = d.Description, Provider = d.Provider, Province = d.Province, City = d.City, District = d.District,
        Domain = d.Domain, Industry = d.Industry, Tags = string.Join("、", d.Tags), OpenType = d.OpenType, OpenTypeLabel = d.OpenTypeLabel,
        SensitivityLevel = d.SensitivityLevel, Formats = string.Join(", ", d.Formats),
        Fields = string.Join("\n", d.Fields.OrderBy(f => f.SortOrder).Select(f => $"{f.Name}|{f.DataType}|{f.Description}|{(f.IsSensitive ? "敏感" : "")}")),
        RecordCount = d.RecordCount, UpdateFrequency = d.UpdateFrequency,
        FirstPublished = d.FirstPublished is { } p ? DateOnly.FromDateTime(ContestTime.ToChina(p).DateTime) : null,
        LastUpdated = d.LastUpdated is { } u ? DateOnly.FromDateTime(ContestTime.ToChina(u).DateTime) : null,
    };

    /// <summary>Copies the form onto the dataset; returns the lines of the field list that could not be read.</summary>
    public IReadOnlyList<string> ApplyTo(Dataset d)
    {
        d.Title = Title.Trim();
        d.Description = Trimmed(Description);
        d.Provider = Trimmed(Provider);
        (d.Province, d.City, d.District) = (Trimmed(Province), Trimmed(City), Trimmed(District));
        (d.Domain, d.Industry) = (Trimmed(Domain), Trimmed(Industry));
        d.Tags = Split(Tags);
        d.OpenType = Enum.IsDefined(OpenType) ? OpenType : OpenType.Restricted;
        d.OpenTypeLabel = Trimmed(OpenTypeLabel);
        d.SensitivityLevel = SensitivityLevel;
        d.Formats = Split(Formats).Select(f => f.ToLowerInvariant()).Distinct().ToList();
        d.RecordCount = RecordCount;
        d.UpdateFrequency = Trimmed(UpdateFrequency);
        d.FirstPublished = FirstPublished is { } p ? new DateTimeOffset(p.ToDateTime(TimeOnly.MinValue), ContestTime.Offset) : null;
        d.LastUpdated = LastUpdated is { } u ? new DateTimeOffset(u.ToDateTime(TimeOnly.MinValue), ContestTime.Offset) : null;
        return ApplyFields(d);
    }

    private List<string> ApplyFields(Dataset d)
    {
        var bad = new List<string>();
        var wanted = new List<DatasetField>();
        var lines = (Fields ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split('|');
            var name = parts[0].Trim();
            if (name.Length is 0 or > 100 || parts.Length > 4 || wanted.Any(w => w.Name == name)) { bad.Add(lines[i]); continue; }
            wanted.Add(new DatasetField
            {
                Name = name,
                DataType = parts.Length > 1 ? Trimmed(parts[1]) : null,
                Description = parts.Length > 2 ? Trimmed(parts[2]) : null,
                IsSensitive = parts.Length > 3 && parts[3].Trim() is "敏感" or "是" or "sensitive" or "yes",
                SortOrder = i,
            });
        }
        if (bad.Count > 0) return bad;
        d.Fields.RemoveAll(existing => !wanted.Any(w => w.Name == existing.Name));
        foreach (var field in wanted)
        {
            var existing = d.Fields.FirstOrDefault(f => f.Name == field.Name);
            if (existing is null) { d.Fields.Add(field); continue; }
            (existing.DataType, existing.Description, existing.IsSensitive, existing.SortOrder) = (field.DataType, field.Description, field.IsSensitive, field.SortOrder);
        }
        return bad;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Split(string? value) =>
        (value ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static string DateInput(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
