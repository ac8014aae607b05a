namespace ContestSite.Core.Announcements;

/// <summary>A file published with an announcement (rules in PDF, a list of finalists…), stored by content hash.</summary>
public class AnnouncementAttachment
{
    public int Id { get; set; }
    public int AnnouncementId { get; set; }
    /// <summary>Cleaned for display and download; never used as a path.</summary>
    public required string FileName { get; set; }
    /// <summary>Decided from the bytes when uploaded, and the type it is served with.</summary>
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string StorageKey { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
