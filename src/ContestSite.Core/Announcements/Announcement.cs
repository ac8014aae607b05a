namespace ContestSite.Core.Announcements;

/// <summary>公告: a notice organizers write in Markdown, visible from its publish time on.</summary>
public class Announcement
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string BodyMarkdown { get; set; }
    /// <summary>通知, 新闻, 规则 or 结果 (see <see cref="AnnouncementCategories"/>).</summary>
    public required string Category { get; set; }
    public bool Pinned { get; set; }
    /// <summary>Null while a draft (or after unpublishing); a future moment for a scheduled announcement.</summary>
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? AuthorId { get; set; }
    /// <summary>Who is emailed when the announcement becomes visible.</summary>
    public AnnouncementAudience Audience { get; set; }
    /// <summary>The track whose teams are emailed when <see cref="Audience"/> is <see cref="AnnouncementAudience.Track"/>.</summary>
    public int? AudienceTrackId { get; set; }
    /// <summary>Set once, in the same transaction that queues the mail: it is never queued twice.</summary>
    public DateTimeOffset? EmailQueuedAt { get; set; }
    public int EmailRecipientCount { get; set; }
    /// <summary>Raised on every save, so two organizers editing at once cannot silently overwrite each other.</summary>
    public int Version { get; set; }
    public List<AnnouncementAttachment> Attachments { get; set; } = [];

    public bool IsVisible(DateTimeOffset now) => PublishAt is { } at && at <= now;
    public bool IsScheduled(DateTimeOffset now) => PublishAt is { } at && at > now;
    public bool IsEmailDue(DateTimeOffset now) => Audience != AnnouncementAudience.None && EmailQueuedAt is null && IsVisible(now);
}
