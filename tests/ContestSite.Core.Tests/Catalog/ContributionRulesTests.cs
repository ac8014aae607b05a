using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Contributions;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>What a contribution must say and which declared classifications it may carry, decided without a site.</summary>
public sealed class ContributionRulesTests
{
    private static ContributionForm Form() => new()
    {
        Kind = ContributorKind.Organization, Organization = "杭州城市大脑研究院", Contact = "0571-88888888", Title = "公交站点位置",
        Description = "全市公交站点的名称和经纬度，每月更新。", Licence = "CC0 1.0", OpenType = OpenType.Unconditional, SensitivityLevel = 1,
        Fields = "站点名称\n经度\n纬度", Tags = "公交，站点、交通 公交",
    };

    [Fact]
    public void A_complete_form_is_cleaned_into_what_is_stored()
    {
        var (result, values) = ContributionRules.Check(Form());

        Assert.True(result.Allowed, result.ChineseText);
        Assert.Equal(["公交", "站点", "交通"], values!.Tags);
        Assert.Equal(["站点名称", "经度", "纬度"], values.Fields);
        Assert.Equal(("杭州城市大脑研究院", "CC0 1.0", 1), (values.Organization, values.Licence, values.SensitivityLevel));
    }

    [Fact]
    public void A_licence_not_on_the_list_must_be_named_and_is_then_kept_as_named()
    {
        var unnamed = Form();
        unnamed.Licence = ContributionRules.OtherLicence;
        var named = Form();
        (named.Licence, named.LicenceText) = (ContributionRules.OtherLicence, "杭州市公共数据开放授权协议");
        var forged = Form();
        forged.Licence = "随便用";

        Assert.Equal("请选择许可协议，选择“其他”时请填写协议名称", ContributionRules.Check(unnamed).Result.Message);
        Assert.Equal("请选择许可协议，选择“其他”时请填写协议名称", ContributionRules.Check(forged).Result.Message);
        Assert.Equal("杭州市公共数据开放授权协议", ContributionRules.Check(named).Values!.Licence);
    }

    [Fact]
    public void An_organization_must_be_named_but_a_team_contribution_needs_no_organization_name()
    {
        var organization = Form();
        organization.Organization = " \u0007 ";
        var team = Form();
        (team.Kind, team.Organization) = (ContributorKind.Team, "不会用到的名称");

        Assert.Equal("请填写贡献数据的组织名称", ContributionRules.Check(organization).Result.Message);
        Assert.Null(ContributionRules.Check(team).Values!.Organization);
    }

    [Theory]
    [InlineData(OpenType.Prohibited, 1, false)]
    [InlineData(OpenType.Restricted, 4, false)]
    [InlineData(OpenType.Unconditional, 3, false)]
    [InlineData(OpenType.Restricted, 3, true)]
    [InlineData(OpenType.Unconditional, 2, true)]
    [InlineData((OpenType)7, 1, false)]
    public void Only_a_classification_that_may_be_opened_is_accepted(OpenType openType, int level, bool allowed) =>
        Assert.Equal(allowed, ContributionRules.CheckClassification(openType, level, []).Allowed);

    [Fact]
    public void Declared_sensitive_fields_keep_data_from_being_open_to_all_but_not_from_restricted_opening()
    {
        Assert.False(ContributionRules.CheckClassification(OpenType.Unconditional, 1, ["手机号"]).Allowed);
        Assert.True(ContributionRules.CheckClassification(OpenType.Restricted, 1, ["手机号"]).Allowed);
        Assert.False(ContributionRules.CheckClassification(OpenType.Restricted, null, []).Allowed);
    }
}
