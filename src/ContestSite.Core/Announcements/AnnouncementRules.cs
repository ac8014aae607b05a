namespace ContestSite.Core.Announcements;

/// <summary>What an announcement must be before it is saved. Messages are Chinese localizer keys.</summary>
public static class AnnouncementRules
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 50_000;

    public static IReadOnlyList<string> Validate(Announcement announcement)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(announcement.Title)) errors.Add("请填写标题");
        else if (announcement.Title.Length > MaxTitleLength) errors.Add("标题不能超过 200 个字符");
        if (string.IsNullOrWhiteSpace(announcement.BodyMarkdown)) errors.Add("请填写正文");
        else if (announcement.BodyMarkdown.Length > MaxBodyLength) errors.Add("正文不能超过 50000 个字符");
        if (!AnnouncementCategories.IsKnown(announcement.Category)) errors.Add("请选择类别：通知、新闻、规则或结果");
        if (!Enum.IsDefined(announcement.Audience)) errors.Add("请选择邮件通知对象");
        if (announcement.Audience == AnnouncementAudience.Track && announcement.AudienceTrackId is null) errors.Add("请选择要通知的赛道");
        return errors;
    }

    /// <summary>The audience cannot change once its mail has gone out: changing it would suggest a second mailing that never happens.</summary>
    public static string? RefusalToChangeAudience(Announcement saved, AnnouncementAudience audience, int? trackId) =>
        saved.EmailQueuedAt is not null && (saved.Audience != audience || (audience == AnnouncementAudience.Track && saved.AudienceTrackId != trackId))
            ? "邮件已经发出，不能再更改通知对象"
            : null;
}
