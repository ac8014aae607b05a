using ContestSite.Core.Bundles.Masking.Rules;

namespace ContestSite.Core.Bundles.Masking;

/// <summary>
/// What happens to the values of one field: <see cref="Masker"/> is null when they are kept or dropped.
/// <see cref="Rule"/> is the rule as the bundle manifest records it (KeepFirstLast(3,4)); <see cref="Reason"/>
/// says why a column the organizer did not drop is dropped anyway.
/// </summary>
public sealed record ColumnMasking(string? FieldName, MaskingRuleKind Kind, string Rule, IValueMasker? Masker, string? Reason = null)
{
    public bool IsDropped => Kind == MaskingRuleKind.Drop;

    public static ColumnMasking NotInFieldList { get; } =
        new(null, MaskingRuleKind.Drop, nameof(MaskingRuleKind.Drop), null, "不在数据集的字段列表中，已删除");
}
