namespace ContestSite.Core.Submissions;

/// <summary>
/// A file on its way in: created with its declared length, filled chunk by chunk in the staging area
/// (the bytes received so far are the staged file's length), checked when complete and then moved into
/// the file store. A ready upload becomes part of the entry when the next save names it.
/// </summary>
public class SubmissionUpload
{
    public Guid Id { get; set; }
    public int TeamId { get; set; }
    public int RoundId { get; set; }
    public required string UserId { get; set; }
    public SubmissionFileKind Kind { get; set; }
    /// <summary>The cleaned name, for display only.</summary>
    public required string FileName { get; set; }
    public long Length { get; set; }
    public SubmissionUploadStatus Status { get; set; } = SubmissionUploadStatus.Receiving;
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? ContentType { get; set; }
    /// <summary>The content's SHA-256, which is also its key in the file store; set once the checks passed.</summary>
    public string? StorageKey { get; set; }
    /// <summary>The save that took the file into a version; a used upload cannot be saved again.</summary>
    public int? UsedInVersionId { get; set; }
    /// <summary>The request that alone may write to or complete this upload, until <see cref="LeaseExpiresAt"/>.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}

/// <summary>
/// Receiving takes chunks; Checking is the last chunk's writer checking and storing the file; Ready waits for a
/// save; Used is in a version; Cancelled was abandoned by its member. Only Receiving accepts bytes.
/// </summary>
public enum SubmissionUploadStatus { Receiving, Ready, Used, Checking, Cancelled }

/// <summary>A re-encoded thumbnail of an image in the store, at one of the allowed widths.</summary>
public class SubmissionThumbnail
{
    public required string SourceKey { get; set; }
    public int SlotWidth { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string ContentType { get; set; }
    public required string StorageKey { get; set; }
    public long Length { get; set; }
}
