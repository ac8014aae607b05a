using ContestSite.Core.Catalog;

namespace ContestSite.Web.Catalog.Review;

/// <summary>The words (localizer keys) for a dataset's state and a review's decision.</summary>
public static class DatasetStatusText
{
    public static string Of(DatasetStatus status) => status switch
    {
        DatasetStatus.Draft => "草稿",
        DatasetStatus.InReview => "待审核",
        DatasetStatus.Published => "已发布",
        _ => "未知",
    };

    public static string Of(ReviewDecision decision) => decision == ReviewDecision.Approved ? "批准发布" : "退回草稿";
}
