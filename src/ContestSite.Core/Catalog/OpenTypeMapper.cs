namespace ContestSite.Core.Catalog;

/// <summary>
/// Maps the open-type wording of the portals onto the plan's three classes.
/// Portals: 无条件开放, 完全开放 → unconditional; 有条件开放, 依申请开放, 申请开放, 受限开放 → restricted;
/// 禁止开放, 不予开放 → prohibited; 登录开放 (open after sign-in) → unconditional, since the site asks
/// everyone to sign in before a download anyway; the label is kept on the dataset.
/// Zhejiang's 开放条件 is free text: anything naming an application, an approval or a narrowed use
/// (申请, 审批, 审核, 仅...) is restricted; wording that only says it is open (开放网站, 网页开放,
/// 数据开放平台下载, 无条件共享) is unconditional; wording that says nothing about opening (暂无, 无,
/// 1级 不脱敏, 业务协同, a bare number) is restricted, because serving data that should have needed an
/// application is the mistake that cannot be undone, while an organizer can open a dataset up later.
/// </summary>
public static class OpenTypeMapper
{
    private static readonly string[] ProhibitedWords = ["禁止", "不予开放", "不开放", "不予共享"];
    private static readonly string[] RestrictedWords = ["有条件", "依申请", "申请", "受限", "审批", "审核", "仅"];
    private static readonly string[] UnconditionalWords = ["无条件", "完全开放", "登录开放", "开放", "共享"];

    /// <summary>The class for a portal label; unknown or empty wording is <see cref="OpenType.Restricted"/>.</summary>
    public static OpenType Map(string? label)
    {
        var text = label?.Trim() ?? "";
        if (ContainsAny(text, ProhibitedWords))
        {
            return OpenType.Prohibited;
        }
        if (ContainsAny(text, RestrictedWords))
        {
            return OpenType.Restricted;
        }
        return ContainsAny(text, UnconditionalWords) ? OpenType.Unconditional : OpenType.Restricted;
    }

    /// <summary>The class named by this site's own wording (无条件开放 / 受限开放 / 禁止开放), as written in the combined CSV.</summary>
    public static OpenType? FromPlanName(string? name) => name?.Trim() switch
    {
        "无条件开放" => OpenType.Unconditional,
        "受限开放" => OpenType.Restricted,
        "禁止开放" => OpenType.Prohibited,
        _ => null,
    };

    /// <summary>The plan's Chinese name of a class, for display.</summary>
    public static string PlanName(OpenType type) => type switch
    {
        OpenType.Unconditional => "无条件开放",
        OpenType.Restricted => "受限开放",
        _ => "禁止开放",
    };

    /// <summary>A 分类分级 level hidden in a free-text label (1级, L2); null when none.</summary>
    public static int? SensitivityLevel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }
        var text = label.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            var isLevelDigit = text[i] is >= '1' and <= '4';
            if (!isLevelDigit)
            {
                continue;
            }
            var afterL = i > 0 && (text[i - 1] == 'L' || text[i - 1] == 'l');
            var beforeJi = i + 1 < text.Length && text[i + 1] == '级';
            if (afterL || beforeJi)
            {
                return text[i] - '0';
            }
        }
        return null;
    }

    private static bool ContainsAny(string text, string[] words) =>
        words.Any(word => text.Contains(word, StringComparison.Ordinal));
}
