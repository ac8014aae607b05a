namespace ContestSite.Core.Catalog;

/// <summary>The parts of a dataset's classification (分类分级) whose every change is kept with a reason.</summary>
[Flags]
public enum ClassificationFields
{
    None = 0,
    OpenType = 1,
    SensitivityLevel = 2,
    SensitiveFields = 4,
}

/// <summary>
/// One change of a dataset's classification: which part, the old and new value as shown to people, why, who and when.
/// Kept forever; the public page shows the open-type changes.
/// </summary>
public class ClassificationChange
{
    public int Id { get; set; }
    public Guid DatasetId { get; set; }
    public ClassificationFields Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public string? ByName { get; set; }
}

/// <summary>A dataset's classification at one moment, as people read it, and what differs between two moments.</summary>
public sealed record Classification(OpenType OpenType, int? SensitivityLevel, IReadOnlyList<string> SensitiveFields)
{
    public const int MaxReasonLength = 500;

    public static Classification Of(Dataset dataset) => new(dataset.OpenType, dataset.SensitivityLevel,
        dataset.Fields.Where(f => f.IsSensitive).OrderBy(f => f.SortOrder).Select(f => f.Name).ToList());

    public static string LevelText(int? level) => level is { } l ? $"L{l}" : "未分级";

    public static string FieldsText(IReadOnlyList<string> fields) => fields.Count == 0 ? "无" : string.Join("、", fields);

    /// <summary>
    /// Whether this classification protects less than <paramref name="before"/>: a more open type, a lower or removed
    /// level, or a field no longer marked sensitive. Tightening protects at once; loosening goes through review.
    /// </summary>
    public bool Loosens(Classification before) =>
        OpenType < before.OpenType
        || (before.SensitivityLevel is { } was && (SensitivityLevel is not { } now || now < was))
        || before.SensitiveFields.Except(SensitiveFields, StringComparer.Ordinal).Any();

    /// <summary>The parts that differ from <paramref name="before"/>, with their old and new text.</summary>
    public IReadOnlyList<(ClassificationFields Field, string Old, string New)> ChangesFrom(Classification before)
    {
        var changes = new List<(ClassificationFields, string, string)>();
        if (before.OpenType != OpenType) changes.Add((ClassificationFields.OpenType, OpenTypeMapper.PlanName(before.OpenType), OpenTypeMapper.PlanName(OpenType)));
        if (before.SensitivityLevel != SensitivityLevel) changes.Add((ClassificationFields.SensitivityLevel, LevelText(before.SensitivityLevel), LevelText(SensitivityLevel)));
        if (!before.SensitiveFields.Order(StringComparer.Ordinal).SequenceEqual(SensitiveFields.Order(StringComparer.Ordinal)))
            changes.Add((ClassificationFields.SensitiveFields, FieldsText(before.SensitiveFields), FieldsText(SensitiveFields)));
        return changes;
    }
}
