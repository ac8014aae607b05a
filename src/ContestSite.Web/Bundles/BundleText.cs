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
}
