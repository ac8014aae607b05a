using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Bundles;

public sealed class DownloadRiskAndBundleRulesTests
{
    private static readonly RiskLimits Limits = new(1000, 3, TimeSpan.FromHours(24));

    [Fact]
    public void Downloads_within_the_limits_raise_nothing() => Assert.Null(DownloadRisk.Exceeded(1000, 3, Limits));

    [Fact]
    public void More_bytes_or_more_downloads_than_the_limits_raise_a_warning_that_says_which()
    {
        Assert.Contains("字节", DownloadRisk.Exceeded(1001, 1, Limits));
        Assert.Contains("次", DownloadRisk.Exceeded(10, 4, Limits));
    }

    [Fact]
    public void A_prohibited_or_unpublished_dataset_cannot_be_put_in_a_bundle()
    {
        var prohibited = new Dataset { Title = "户籍", OpenType = OpenType.Prohibited, Status = DatasetStatus.Published };
        var draft = new Dataset { Title = "草稿", OpenType = OpenType.Unconditional, Status = DatasetStatus.Draft };
        var open = new Dataset { Title = "公交", OpenType = OpenType.Unconditional, Status = DatasetStatus.Published };
        Assert.Equal("禁止开放类数据集不能放入数据包", BundleRules.CanAdd(prohibited, []).Message);
        Assert.False(BundleRules.CanAdd(draft, []).Allowed);
        Assert.False(BundleRules.CanAdd(open, [open.Id]).Allowed);
        Assert.True(BundleRules.CanAdd(open, []).Allowed);
    }

    [Fact]
    public void Files_are_masked_when_a_field_is_sensitive_or_has_a_rule()
    {
        DatasetField plain = new() { Name = "区域" }, sensitive = new() { Name = "姓名", IsSensitive = true };
        Assert.False(BundleRules.NeedsMasking([plain], []));
        Assert.True(BundleRules.NeedsMasking([plain, sensitive], []));
        Assert.True(BundleRules.NeedsMasking([plain], [new FieldMaskingRule { FieldName = "区域", Rule = "Drop" }]));
    }

    [Theory]
    [InlineData("a.CSV", MaskedFormat.Csv)]
    [InlineData("b.xlsx", MaskedFormat.Xlsx)]
    [InlineData("c.json", MaskedFormat.Other)]
    [InlineData("d.xls", MaskedFormat.Other)]
    public void Only_csv_and_xlsx_can_be_masked(string name, MaskedFormat format) => Assert.Equal(format, BundleRules.FormatOf(name));
}
