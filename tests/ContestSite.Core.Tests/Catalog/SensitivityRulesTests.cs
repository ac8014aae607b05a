using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>The level's rule: L1–L2 any open type, L3 restricted with every sensitive field masked or prohibited, L4 prohibited.</summary>
public class SensitivityRulesTests
{
    [Theory]
    [InlineData(null, OpenType.Unconditional, true)]
    [InlineData(1, OpenType.Unconditional, true)]
    [InlineData(2, OpenType.Restricted, true)]
    [InlineData(3, OpenType.Unconditional, false)]
    [InlineData(3, OpenType.Prohibited, true)]
    [InlineData(4, OpenType.Unconditional, false)]
    [InlineData(4, OpenType.Restricted, false)]
    [InlineData(4, OpenType.Prohibited, true)]
    public void The_level_allows_these_open_types(int? level, OpenType openType, bool allowed)
    {
        Assert.Equal(allowed, SensitivityRules.Check(level, openType, [], []).Allowed);
    }

    [Fact]
    public void An_L3_restricted_dataset_needs_a_rule_for_each_sensitive_field_and_names_the_ones_without()
    {
        var missing = SensitivityRules.Check(3, OpenType.Restricted, ["身份证号", "手机号"], ["手机号", "姓名"]);
        var complete = SensitivityRules.Check(3, OpenType.Restricted, ["身份证号", "手机号"], ["手机号", "身份证号"]);

        Assert.False(missing.Allowed);
        Assert.Equal("L3 级数据受限开放，须为每个敏感字段设置脱敏规则，尚未设置：身份证号", missing.ChineseText);
        Assert.True(complete.Allowed);
    }
}

/// <summary>The plan's expert review before approving restricted data: L3 and above, or any sensitive field.</summary>
public class ExpertReviewRuleTests
{
    [Theory]
    [InlineData(null, false, false)]
    [InlineData(2, false, false)]
    [InlineData(3, false, true)]
    [InlineData(4, false, true)]
    [InlineData(null, true, true)]
    [InlineData(1, true, true)]
    public void Level_three_or_a_sensitive_field_needs_the_expert_committee(int? level, bool sensitive, bool needed)
    {
        Assert.Equal(needed, ContestSite.Core.Bundles.AccessApplicationRules.NeedsExpertReview(level, sensitive));
    }
}
