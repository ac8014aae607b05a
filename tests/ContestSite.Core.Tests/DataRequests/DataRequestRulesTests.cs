using ContestSite.Core.Catalog;
using ContestSite.Core.DataRequests;

namespace ContestSite.Core.Tests.DataRequests;

public sealed class DataRequestRulesTests
{
    private static DataRequest Request(DataRequestState state = DataRequestState.Open) =>
        new() { Title = "公交到站数据", Description = "需要实时到站数据用于提醒。", RequesterId = "asker", State = state };

    [Theory]
    [InlineData(" ", false, "请填写答复")]
    [InlineData("\u0001\u0002", true, "请说明不予开放的理由")]
    public void An_answer_or_a_decline_without_text_is_refused_with_what_is_missing(string answer, bool declining, string message) =>
        Assert.Equal(message, DataRequestRules.CanAnswer(Request(), answer, declining).Message);

    [Theory]
    [InlineData(DataRequestState.Opened)]
    [InlineData(DataRequestState.Declined)]
    public void A_closed_request_takes_no_more_steps_nor_support(DataRequestState state)
    {
        Assert.Equal("该需求已办结，不能再转办", DataRequestRules.CanRoute(Request(state), "省交通运输厅").Message);
        Assert.Equal("该需求已办结，不能再答复", DataRequestRules.CanAnswer(Request(state), "答复", false).Message);
        Assert.Equal("该需求已办结", DataRequestRules.CanLink(Request(state), DatasetStatus.Published, OpenType.Unconditional).Message);
        Assert.Equal("该需求已办结，不再接受附议", DataRequestRules.CanSupport(Request(state), "someone", false).Message);
    }

    [Fact]
    public void Routing_without_a_provider_and_linking_an_unpublished_or_prohibited_dataset_are_refused()
    {
        Assert.Equal("请填写转办的数源单位", DataRequestRules.CanRoute(Request(), "  ").Message);
        Assert.Equal("所选数据集不在数据目录中", DataRequestRules.CanLink(Request(), DatasetStatus.Draft, OpenType.Unconditional).Message);
        Assert.Equal("所选数据集不在数据目录中", DataRequestRules.CanLink(Request(), null, null).Message);
        Assert.Equal("禁止开放类数据集不能作为需求的答复", DataRequestRules.CanLink(Request(), DatasetStatus.Published, OpenType.Prohibited).Message);
        Assert.True(DataRequestRules.CanLink(Request(DataRequestState.Routed), DatasetStatus.Published, OpenType.Restricted).Allowed);
    }

    [Fact]
    public void Text_keeps_line_breaks_and_loses_control_characters()
    {
        Assert.Equal("第一行\n第二行\t完", DataRequestRules.Clean("  第一行\r\n第二行\u0007\t完\u0000 "));
        Assert.Null(DataRequestRules.Clean("\u0001 \u0002"));
    }
}
