using ContestSite.Core.Bundles;
using ContestSite.Core.Bundles.Masking;
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

    /// <summary>A masking rule as an organizer reads it; the form still posts the rule's code.</summary>
    public static string MaskingRule(MaskingRuleKind rule) => rule switch
    {
        MaskingRuleKind.Keep => "原样保留（仅限非敏感字段）",
        MaskingRuleKind.Drop => "删除该列",
        MaskingRuleKind.IdCardNumber => "身份证号（330***********1234）",
        MaskingRuleKind.MobilePhone => "手机号（138****1234）",
        MaskingRuleKind.PersonName => "姓名（张*）",
        MaskingRuleKind.Address => "地址（保留到区县）",
        MaskingRuleKind.Email => "邮箱（a***@example.com）",
        MaskingRuleKind.KeepFirstLast => "保留前 N 位和后 M 位",
        _ => "密钥哈希（可关联）",
    };

    public static string OpenTypeClass(OpenType type) => "open-" + type.ToString().ToLowerInvariant();
}
