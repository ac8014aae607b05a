using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Bundles;

public sealed class MaskingPlanTests
{
    private static readonly List<DatasetField> Fields =
    [
        new() { Name = "编号" },
        new() { Name = "姓名", IsSensitive = true },
        new() { Name = "银行卡号", IsSensitive = true },
    ];

    private static MaskingPlanResult Build(params MaskingRuleChoice[] choices) => MaskingPlan.Build(Fields, choices, ReliefRecords.ContestKey);

    [Fact]
    public void An_unknown_rule_is_refused_with_a_message_naming_the_field_and_the_rules_there_are()
    {
        var result = Build(new MaskingRuleChoice("姓名", "Hide"));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("“姓名”", error, StringComparison.Ordinal);
        Assert.Contains("PersonName", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("Keep, Drop")]
    [InlineData("")]
    public void Only_a_rule_name_itself_is_a_rule(string rule) =>
        Assert.False(Build(new MaskingRuleChoice("编号", rule)).Succeeded);

    [Fact]
    public void Rule_names_ignore_case() =>
        Assert.Equal(MaskingRuleKind.PersonName, Build(new MaskingRuleChoice("姓名", "personname")).Plan!.ForColumn("姓名").Kind);

    [Fact]
    public void Keep_on_a_sensitive_field_is_refused()
    {
        var result = Build(new MaskingRuleChoice("姓名", "Keep"));

        Assert.Contains("已标记为敏感", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 4)]
    [InlineData(4, null)]
    [InlineData(-1, 4)]
    [InlineData(4, 65)]
    public void Keep_first_last_needs_both_counts_between_0_and_64(int? first, int? last)
    {
        var result = Build(new MaskingRuleChoice("银行卡号", "KeepFirstLast", first, last));

        Assert.Contains("保留位数无效", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_on_a_rule_other_than_keep_first_last_are_refused() =>
        Assert.False(Build(new MaskingRuleChoice("姓名", "PersonName", 1, 0)).Succeeded);

    [Fact]
    public void Keyed_hash_without_a_contest_key_of_16_bytes_is_refused()
    {
        var result = MaskingPlan.Build(Fields, [new MaskingRuleChoice("银行卡号", "KeyedHash")], new byte[8]);

        Assert.Contains("密钥", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_for_a_field_not_in_the_list_or_a_second_rule_for_a_field_is_refused()
    {
        var result = Build(new MaskingRuleChoice("住址", "Address"), new MaskingRuleChoice("姓名", "PersonName"), new MaskingRuleChoice("姓名", "Drop"));

        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void A_sensitive_field_without_a_rule_is_dropped_and_says_why()
    {
        var masking = Build().Plan!.ForColumn("姓名");

        Assert.True(masking.IsDropped);
        Assert.Contains("敏感字段未设置脱敏规则", masking.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_not_marked_sensitive_without_a_rule_is_kept() =>
        Assert.Equal(MaskingRuleKind.Keep, Build().Plan!.ForColumn(" 编号 ").Kind);

    [Fact]
    public void A_column_not_in_the_field_list_is_dropped() =>
        Assert.True(Build().Plan!.ForColumn("备注").IsDropped);

    [Fact]
    public void A_field_listed_twice_is_sensitive_if_either_listing_says_so()
    {
        var fields = new List<DatasetField> { new() { Name = "姓名" }, new() { Name = "姓名", IsSensitive = true } };

        Assert.False(MaskingPlan.Build(fields, [new MaskingRuleChoice("姓名", "Keep")], default).Succeeded);
    }
}
