using ContestSite.Core.DataRequests;

namespace ContestSite.Web.DataRequests;

/// <summary>The Chinese names (localizer keys) of a request's states.</summary>
public static class DataRequestText
{
    public static string State(DataRequestState state) => state switch
    {
        DataRequestState.Open => "待处理",
        DataRequestState.Routed => "已转办",
        DataRequestState.Answered => "已答复",
        DataRequestState.Opened => "已开放",
        DataRequestState.Declined => "不予开放",
        _ => state.ToString(),
    };
}
