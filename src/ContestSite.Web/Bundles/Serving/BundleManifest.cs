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

/// <param name="ResourceId">Kept out of manifest.json: the site's own id of the file, for recording what the team received.</param>
public sealed record ManifestFile([property: JsonIgnore] int ResourceId, string Path, string? Sha256, long? SizeBytes, string Masking, IReadOnlyList<ManifestColumn> Columns,
    long? RowsIn, long? RowsOut, long? RowsSkipped,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NotIncluded);

public sealed record ManifestColumn(string? Sheet, string Name, string Rule, bool Served, string? Reason);

public static class BundleManifestReceipts
{
    /// <summary>The restricted files the zip carried in full (a file that failed part-way is still counted: bytes went out).</summary>
    public static IReadOnlyList<ReceivedInBundle> RestrictedFilesSent(this BundleManifest manifest) =>
        manifest.Datasets.Where(d => d.OpenType == nameof(Core.Catalog.OpenType.Restricted))
            .SelectMany(d => d.Files.Select(f => new ReceivedInBundle(d.Id, f.ResourceId, f.SizeBytes ?? 0))).ToList();
}
