namespace ContestSite.Web.Announcements;

/// <summary>Settings of the <c>ContestSite:Announcements</c> section.</summary>
public sealed class AnnouncementOptions
{
    public const string Section = "ContestSite:Announcements";

    /// <summary>How often a node looks for scheduled announcements whose time has come (to email them and refresh caches).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>The longest a public page is served from the output cache; also bounds how stale another node's cache can be.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(60);
    public long MaxAttachmentBytes { get; set; } = 20L * 1024 * 1024;
}
