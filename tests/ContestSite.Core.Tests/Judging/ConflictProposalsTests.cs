using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class ConflictProposalsTests
{
    [Theory]
    [InlineData("浙江大学", "浙江大学")]
    [InlineData("浙江大学", "浙江大学计算机学院")]
    [InlineData("ＺＪＵ Lab", "zju lab")]
    [InlineData("杭州数链科技有限公司", "杭州数链科技有限公司 ")]
    public void The_same_organization_written_differently_is_proposed_as_a_conflict(string judge, string member) =>
        Assert.True(ConflictProposals.SameOrganization(judge, member));

    [Theory]
    [InlineData("浙江大学", "浙江工业大学")]
    [InlineData("大学", "浙江大学")]
    [InlineData("", "浙江大学")]
    [InlineData(null, null)]
    public void Different_or_too_short_organizations_are_not(string? judge, string? member) =>
        Assert.False(ConflictProposals.SameOrganization(judge, member));

    [Fact]
    public void The_matching_organizations_are_listed_once() =>
        Assert.Equal(["浙江大学"], ConflictProposals.Matches("浙江大学", ["浙江大学", "宁波大学", "浙江大学", null]));

    [Fact]
    public void Expertise_tags_split_on_chinese_and_ascii_commas() =>
        Assert.Equal(["交通", "医疗", "AI"], JudgeTags.Split(" 交通，医疗, AI；ai"));
}
