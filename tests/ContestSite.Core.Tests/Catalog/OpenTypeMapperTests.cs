using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Catalog;

public class OpenTypeMapperTests
{
    [Theory]
    [InlineData("无条件开放", OpenType.Unconditional)]
    [InlineData("完全开放", OpenType.Unconditional)]
    [InlineData("登录开放", OpenType.Unconditional)]
    [InlineData("有条件开放", OpenType.Restricted)]
    [InlineData("依申请开放", OpenType.Restricted)]
    [InlineData("申请开放", OpenType.Restricted)]
    [InlineData("受限开放", OpenType.Restricted)]
    [InlineData("禁止开放", OpenType.Prohibited)]
    [InlineData("不予开放", OpenType.Prohibited)]
    public void Portal_labels_map_to_the_plan_classes(string label, OpenType expected) =>
        Assert.Equal(expected, OpenTypeMapper.Map(label));

    [Theory]
    [InlineData("开放网站", OpenType.Unconditional)]
    [InlineData("数据开放平台下载", OpenType.Unconditional)]
    [InlineData("无条件共享", OpenType.Unconditional)]
    [InlineData("提出申请", OpenType.Restricted)]
    [InlineData("开放网站申请", OpenType.Restricted)]
    [InlineData("审批同意后共享", OpenType.Restricted)]
    [InlineData("仅供个人查询自身记录", OpenType.Restricted)]
    public void Zhejiang_free_text_maps_by_what_it_says_about_applying(string label, OpenType expected) =>
        Assert.Equal(expected, OpenTypeMapper.Map(label));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("暂无")]
    [InlineData("业务协同")]
    [InlineData("3")]
    public void Wording_that_says_nothing_about_opening_is_restricted_to_be_safe(string? label) =>
        Assert.Equal(OpenType.Restricted, OpenTypeMapper.Map(label));

    [Theory]
    [InlineData("1级\t不脱敏", 1)]
    [InlineData("L3", 3)]
    [InlineData("开放网站", null)]
    [InlineData("12", null)]
    public void A_sensitivity_level_written_in_the_label_is_read(string label, int? expected) =>
        Assert.Equal(expected, OpenTypeMapper.SensitivityLevel(label));
}
