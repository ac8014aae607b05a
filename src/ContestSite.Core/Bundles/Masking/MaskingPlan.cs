using ContestSite.Core.Bundles.Masking.Rules;
using ContestSite.Core.Catalog;

namespace ContestSite.Core.Bundles.Masking;

/// <summary>
/// The masking of one dataset: for each field of its field list, the checked rule. The field list is the
/// authority: a column it does not list is dropped, and a sensitive field without a rule is dropped, so
/// nothing reaches a team unmasked by omission. Column names match fields ignoring case and surrounding spaces.
/// </summary>
public sealed class MaskingPlan
{
    private readonly Dictionary<string, ColumnMasking> byField;

    private MaskingPlan(Dictionary<string, ColumnMasking> byField) => this.byField = byField;

    public IReadOnlyCollection<ColumnMasking> Fields => byField.Values;

    public ColumnMasking ForColumn(string columnName) =>
        byField.TryGetValue(columnName.Trim(), out var masking) ? masking : ColumnMasking.NotInFieldList;

    /// <param name="hashKey">The contest's secret key; needed (16 bytes or more) only when a KeyedHash rule is chosen.</param>
    public static MaskingPlanResult Build(IEnumerable<DatasetField> fields, IEnumerable<MaskingRuleChoice> choices, ReadOnlySpan<byte> hashKey)
    {
        var sensitive = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            var name = field.Name.Trim();
            // A name listed twice is sensitive if either listing says so.
            sensitive[name] = field.IsSensitive || sensitive.GetValueOrDefault(name);
        }

        var errors = new List<string>();
        var chosen = new Dictionary<string, ColumnMasking>(StringComparer.OrdinalIgnoreCase);
        KeyedHashMasker? keyedHash = null;
        foreach (var choice in choices)
        {
            var name = choice.FieldName.Trim();
            if (!sensitive.TryGetValue(name, out var isSensitive))
            {
                errors.Add($"字段“{name}”不在数据集的字段列表中，不能为它设置脱敏规则");
                continue;
            }
            if (chosen.ContainsKey(name))
            {
                errors.Add($"字段“{name}”设置了不止一条脱敏规则");
                continue;
            }
            if (!MaskingRuleNames.TryParse(choice.Rule, out var kind))
            {
                errors.Add($"字段“{name}”的脱敏规则“{choice.Rule}”不存在，可选的规则：{MaskingRuleNames.AllNames}");
                continue;
            }
            if (kind == MaskingRuleKind.KeyedHash && keyedHash is null && hashKey.Length >= KeyedHashMasker.MinimumKeyBytes)
            {
                keyedHash = new KeyedHashMasker(hashKey);
            }
            var masking = Resolve(name, isSensitive, kind, choice, keyedHash, errors);
            if (masking is not null) chosen[name] = masking;
        }

        if (errors.Count > 0) return new MaskingPlanResult(null, errors);
        foreach (var (name, isSensitive) in sensitive)
        {
            if (!chosen.ContainsKey(name)) chosen[name] = Unchosen(name, isSensitive);
        }
        return new MaskingPlanResult(new MaskingPlan(chosen), []);
    }

    private static ColumnMasking? Resolve(string name, bool isSensitive, MaskingRuleKind kind, MaskingRuleChoice choice, KeyedHashMasker? keyedHash, List<string> errors)
    {
        if (kind != MaskingRuleKind.KeepFirstLast && (choice.KeepFirst is not null || choice.KeepLast is not null))
        {
            errors.Add($"字段“{name}”：只有 KeepFirstLast 规则可以设置保留的前 N 位和后 M 位");
            return null;
        }
        switch (kind)
        {
            case MaskingRuleKind.Keep when isSensitive:
                errors.Add($"字段“{name}”已标记为敏感，不能原样提供；请为它选择脱敏规则或删除该列");
                return null;
            case MaskingRuleKind.Keep:
            case MaskingRuleKind.Drop:
                return new ColumnMasking(name, kind, kind.ToString(), null);
            case MaskingRuleKind.KeepFirstLast:
                return KeepFirstLast(name, choice, errors);
            case MaskingRuleKind.KeyedHash when keyedHash is null:
                errors.Add($"字段“{name}”使用密钥哈希，但赛事的脱敏密钥不足 {KeyedHashMasker.MinimumKeyBytes} 字节");
                return null;
            case MaskingRuleKind.KeyedHash:
                return new ColumnMasking(name, kind, kind.ToString(), keyedHash);
            default:
                return new ColumnMasking(name, kind, kind.ToString(), MaskingRuleNames.FixedMasker(kind));
        }
    }

    private static ColumnMasking? KeepFirstLast(string name, MaskingRuleChoice choice, List<string> errors)
    {
        if (choice.KeepFirst is not { } first || choice.KeepLast is not { } last
            || first is < 0 or > MaskingRuleNames.MaxKeptChars || last is < 0 or > MaskingRuleNames.MaxKeptChars)
        {
            errors.Add($"字段“{name}”的保留位数无效：KeepFirstLast 需要前 N 位和后 M 位，均为 0 到 {MaskingRuleNames.MaxKeptChars} 之间的整数");
            return null;
        }
        return new ColumnMasking(name, MaskingRuleKind.KeepFirstLast, $"KeepFirstLast({first},{last})", new KeepFirstLastMasker(first, last));
    }

    private static ColumnMasking Unchosen(string name, bool isSensitive) => isSensitive
        ? new ColumnMasking(name, MaskingRuleKind.Drop, nameof(MaskingRuleKind.Drop), null, "敏感字段未设置脱敏规则，已删除")
        : new ColumnMasking(name, MaskingRuleKind.Keep, nameof(MaskingRuleKind.Keep), null);
}
