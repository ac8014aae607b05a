using ContestSite.Core.Catalog;

namespace ContestSite.Web.Catalog.Contributions;

/// <summary>The words (localizer keys) for where a dataset comes from and how a contribution stands.</summary>
public static class ContributionText
{
    /// <summary>The badge a contributed dataset carries on every public page.</summary>
    public const string Badge = "社会贡献数据";

    public static string Origin(DatasetOrigin origin) => origin == DatasetOrigin.Contributed ? "社会贡献" : "政府开放";

    public static string State(DatasetStatus status, string? returnReason) => status switch
    {
        DatasetStatus.InReview => "审核中",
        DatasetStatus.Published => "已发布",
        _ => returnReason is null ? "未公开，可修改后重新提交" : "已退回，请修改后重新提交",
    };
}
