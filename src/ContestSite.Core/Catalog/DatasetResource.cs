namespace ContestSite.Core.Catalog;

/// <summary>A downloadable file of a dataset; the bytes live in storage under <see cref="StorageKey"/>.</summary>
public class DatasetResource
{
    public int Id { get; set; }
    public Guid DatasetId { get; set; }
    public required string FileName { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, hex; also lets identical uploads be recognised.</summary>
    public string? ContentHash { get; set; }

    public required string StorageKey { get; set; }
    public string? Format { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
