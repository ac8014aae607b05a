namespace ContestSite.Core.Submissions;

/// <summary>
/// A team's entry for one round (作品): one row per team and round, whose content lives in numbered
/// versions. Draft until the captain finalises it (定稿); a finalised entry is what judges score.
/// </summary>
public class Submission
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int RoundId { get; set; }
    /// <summary>The team's track when the entry was started; rankings and bundles are per track.</summary>
    public int TrackId { get; set; }
    public int TeamId { get; set; }
    public SubmissionStatus Status { get; set; } = SubmissionStatus.Draft;
    /// <summary>The number of the newest version; 0 before the first save.</summary>
    public int CurrentVersionNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinalisedAt { get; set; }
    public string? FinalisedByUserId { get; set; }
    /// <summary>Raised by every change; two changes made from the same reading cannot both be saved.</summary>
    public int Concurrency { get; set; }
    public List<SubmissionVersion> Versions { get; set; } = [];

    public bool IsFinalised => Status == SubmissionStatus.Finalised;
}

public enum SubmissionStatus { Draft, Finalised }

/// <summary>What one save of an entry held. Versions are never changed after they are written.</summary>
public class SubmissionVersion
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    /// <summary>The one-line pitch shown on cards and lists.</summary>
    public string? Pitch { get; set; }
    /// <summary>Markdown, rendered sanitized.</summary>
    public string? Description { get; set; }
    /// <summary>应用类别, e.g. 民生服务, 城市治理.</summary>
    public string? Category { get; set; }
    public string? DemoUrl { get; set; }
    /// <summary>A link to the demo video when it is hosted elsewhere instead of uploaded.</summary>
    public string? VideoUrl { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedByUserId { get; set; }
    public List<SubmissionFile> Files { get; set; } = [];
    public List<SubmissionDataset> Datasets { get; set; } = [];
}

/// <summary>
/// A file of one version. The bytes live in the file store under <see cref="StorageKey"/> (the content's
/// SHA-256), so versions that keep a file share it; <see cref="FileName"/> is the cleaned name for display only.
/// </summary>
public class SubmissionFile
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public SubmissionFileKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A catalogue dataset an entry says it uses.</summary>
public class SubmissionDataset
{
    public int VersionId { get; set; }
    public Guid DatasetId { get; set; }
}

/// <summary>The slots of a submission that take a file.</summary>
public enum SubmissionFileKind
{
    Proposal,
    Screenshot,
    Video,
    SourcePackage,
}
