namespace ContestSite.Core.Bundles;

/// <summary>One served download (a file or a bundle), counted for the risk warning (风险预警).</summary>
public class DownloadRecord
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int? TeamId { get; set; }
    public Guid? DatasetId { get; set; }
    /// <summary>The file served (a dataset file on its own, or a restricted file inside a bundle); null for the bundle's own row.</summary>
    public int? ResourceId { get; set; }
    /// <summary>
    /// A restricted file sent inside a bundle zip: it records what the team received (for the close-out, 销毁), while the
    /// bundle's own row carries the bytes and counts once for the risk warning.
    /// </summary>
    public bool InBundle { get; set; }
    public long Bytes { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>
    /// A request for a restricted or prohibited file that was refused (nothing sent): such requests feed the risk
    /// warning on their own count, so probing for data one may not have raises a flag as heavy downloading does.
    /// </summary>
    public bool Refused { get; set; }
}

/// <summary>
/// A risk flag on an account or a team: raised when downloads pass the configured volume or count, it
/// holds further restricted downloads until an organizer clears it.
/// </summary>
public class RiskFlag
{
    public int Id { get; set; }
    public string? UserId { get; set; }
    public int? TeamId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public string? ClearedBy { get; set; }
    public bool IsActive => ClearedAt is null;
}

/// <summary>The generated key of keyed-hash masking, stored protected; one row.</summary>
public class MaskingSecret
{
    public int Id { get; set; }
    public required string ProtectedKey { get; set; }
}
