using ContestSite.Core.Rules;

namespace ContestSite.Core.Catalog;

/// <summary>
/// What a dataset's level (分类分级) allows, as the site enforces it:
/// L1 and L2 may take any open type; L3 is never open to all: it is restricted, with an explicit masking rule for
/// every sensitive field, or prohibited; L4 is prohibited. A dataset without a level is not constrained (most portal
/// exports give none). Checked whenever the classification or the masking rules change.
/// </summary>
public static class SensitivityRules
{
    public static RuleResult Check(int? level, OpenType openType, IEnumerable<string> sensitiveFields, IEnumerable<string> fieldsWithMaskingRules)
    {
        if (level == 4 && openType != OpenType.Prohibited)
            return RuleResult.Refuse("L4 级数据只能禁止开放");
        if (level == 3 && openType == OpenType.Unconditional)
            return RuleResult.Refuse("L3 级数据不能无条件开放，只能受限开放或禁止开放");
        if (level == 3 && openType == OpenType.Restricted)
        {
            var ruled = fieldsWithMaskingRules.ToHashSet(StringComparer.Ordinal);
            var missing = sensitiveFields.Where(f => !ruled.Contains(f)).ToList();
            if (missing.Count > 0)
                return RuleResult.Refuse("L3 级数据受限开放，须为每个敏感字段设置脱敏规则，尚未设置：{0}", string.Join("、", missing));
        }
        return RuleResult.Ok;
    }
}
