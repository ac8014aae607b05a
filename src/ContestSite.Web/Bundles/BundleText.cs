using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;

namespace ContestSite.Web.Bundles;

/// <summary>The Chinese words for application statuses and masking rules, translated by the localizer where shown.</summary>
public static class BundleText
{
    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "待审核",
        ApplicationStatus.Approved => "已批准",
        ApplicationStatus.Rejected => "未批准",
        ApplicationStatus.Suspended => "已暂停（应急处置）",
        _ => "已撤销",
    };

    public static string OpenTypeClass(OpenType type) => "open-" + type.ToString().ToLowerInvariant();

    /// <summary>数据使用协议: what an applicant accepts, shown on the form and kept with the application's moment of acceptance.</summary>
    public const string Agreement = "本团队承诺：所获数据仅用于本届大赛的参赛作品；不向任何第三方提供、转让或公开；大赛结束后删除全部数据及其副本；使用全过程接受组委会审计。";
}
