namespace ContestSite.Core.Announcements;

public static class AnnouncementCategories
{
    /// <summary>通知 (notice), 新闻 (news), 规则 (rules), 结果 (results): the Chinese names are stored and are the localizer keys.</summary>
    public static readonly IReadOnlyList<string> All = ["通知", "新闻", "规则", "结果"];

    public static bool IsKnown(string? category) => category is not null && All.Contains(category);
}
