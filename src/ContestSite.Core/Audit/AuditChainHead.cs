namespace ContestSite.Core.Audit;

/// <summary>
/// The one row that serialises appends to the chain: a writer locks it, reads the newest sequence number
/// and hash, appends after them and moves the head, all in the transaction of the change it records. Every
/// node appends through the same row, so the database, not a process, decides the order.
/// </summary>
public class AuditChainHead
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    /// <summary>The id of the newest entry (0 for an empty chain).</summary>
    public long Sequence { get; set; }
    public string Hash { get; set; } = AuditChain.GenesisHash;
    /// <summary>The day (China time) whose digest of the head was mailed; claimed by one node per day.</summary>
    public DateOnly? DigestMailedOn { get; set; }
}

/// <summary>A check of the whole chain, run in the background with its progress shown on the audit page.</summary>
public class AuditVerificationRun
{
    public int Id { get; set; }
    public AuditVerificationStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? RequestedByUserId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The newest entry when the check began: it checks up to here.</summary>
    public long UpTo { get; set; }
    public long Checked { get; set; }
    public long? BrokenAt { get; set; }
    public AuditChainBreakKind? BreakKind { get; set; }
    public long? BreakPreviousId { get; set; }
    public string? BreakReason { get; set; }
    /// <summary>The newest sequence number the anchor outside the database had recorded.</summary>
    public long? AnchoredUpTo { get; set; }
    /// <summary>When the node running it last reported progress; a run whose node died is taken over after a while.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
}

public enum AuditVerificationStatus
{
    Queued,
    Running,
    Intact,
    Broken,
    Failed,
}
