using ContestSite.Core.Announcements;

namespace ContestSite.Web.Announcements;

/// <summary>草稿 (draft), 立即发布 (publish now) or 定时发布 (schedule).</summary>
public enum PublishMode { Draft, Now, Schedule }

/// <summary>The announcement form as posted.</summary>
public sealed class AnnouncementInput
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Category { get; set; } = AnnouncementCategories.All[0];
    public bool Pinned { get; set; }
    public AnnouncementAudience Audience { get; set; }
    public int? AudienceTrackId { get; set; }
    public PublishMode Mode { get; set; } = PublishMode.Now;
    /// <summary>China time, from <c>&lt;input type="datetime-local"&gt;</c>.</summary>
    public string? PublishAt { get; set; }
    /// <summary>The version the organizer started editing; a save over a newer one is refused.</summary>
    public int Version { get; set; }

    public static AnnouncementInput From(Announcement a, DateTimeOffset now) => new()
    {
        Title = a.Title,
        Body = a.BodyMarkdown,
        Category = a.Category,
        Pinned = a.Pinned,
        Audience = a.Audience,
        AudienceTrackId = a.AudienceTrackId,
        Mode = a.PublishAt is null ? PublishMode.Draft : a.IsScheduled(now) ? PublishMode.Schedule : PublishMode.Now,
        PublishAt = a.PublishAt is { } at ? ContestTime.ToInput(at) : null,
        Version = a.Version,
    };
}
