namespace ContestSite.Core.Audit;

/// <summary>
/// One line of the append-only audit log. Each entry carries the hash of the one before, so an edit or
/// a deletion anywhere breaks the chain from that point on.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>User id of who acted; null for the system or an anonymous visitor.</summary>
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    /// <summary>What happened, as a dotted name: <c>account.signin</c>, <c>team.approved</c>.</summary>
    public required string Action { get; set; }
    /// <summary>What it happened to, e.g. <c>team:12</c> or <c>dataset:40</c>.</summary>
    public string? Subject { get; set; }
    public string? Outcome { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
    /// <summary>The team the action concerns, so organizers can follow one team's whole use of data.</summary>
    public int? TeamId { get; set; }
    /// <summary>The catalogue dataset the action concerns.</summary>
    public Guid? DatasetId { get; set; }
    /// <summary>
    /// The chain key the hash was made with (an HMAC-SHA256 over the previous hash and this entry). Null for
    /// entries written before keyed hashing: their hash is a plain SHA-256, checked as it was written.
    /// </summary>
    public string? KeyId { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
