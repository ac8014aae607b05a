using System.Text.Json.Serialization;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>
/// manifest.json, the last entry of every bundle zip: to whom and when the bundle was issued, the terms,
/// and for each dataset its metadata, open type, the masking applied and the SHA-256 of each file as
/// served, so a leaked file can be traced to its team.
/// </summary>
public sealed record BundleManifest(Guid IssueId, DateTimeOffset IssuedAt, ManifestTeam Team, string IssuedToUserId, string? IssuedToEmail,
    string Contest, string Track, string Terms, IReadOnlyList<ManifestDataset> Datasets);

public sealed record ManifestTeam(int Id, string Name);

public sealed record ManifestDataset(Guid Id, string Title, string? Provider, string? Region, string OpenType, int? SensitivityLevel,
    DateTimeOffset? LastUpdated, ManifestApproval? Approval, IReadOnlyList<ManifestFile> Files,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotIncluded);

public sealed record ManifestApproval(int ApplicationId, DateTimeOffset? ApprovedAt, DateTimeOffset? ExpiresAt);

public sealed record ManifestFile(string Path, string? Sha256, long? SizeBytes, string Masking, IReadOnlyList<ManifestColumn> Columns,
    long? RowsIn, long? RowsOut, long? RowsSkipped,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotIncluded);

public sealed record ManifestColumn(string? Sheet, string Name, string Rule, bool Served, string? Reason);
