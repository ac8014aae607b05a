namespace ContestSite.Core.Announcements;

/// <summary>公告: a notice organizers write in Markdown, visible from its publish time on.</summary>
public class Announcement
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string BodyMarkdown { get; set; }
    /// <summary>通知, 新闻, 规则 or 结果.</summary>
    public required string Category { get; set; }
    public bool Pinned { get; set; }
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? AuthorId { get; set; }

    public bool IsVisible(DateTimeOffset now) => PublishAt is { } at && at <= now;
}
