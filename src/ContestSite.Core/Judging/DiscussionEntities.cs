namespace ContestSite.Core.Judging;

/// <summary>
/// The judges' discussion of one entry in one round (HotCRP's reviewer comments): read and written by the judges
/// assigned to it without a conflict and by organizers, never by teams. A row exists once someone opened the
/// thread or posted to the thread of an entry flagged for disagreement.
/// </summary>
public class Discussion
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int SubmissionId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedByUserId { get; set; }
    /// <summary>Why it was opened, when the opener said; null when the judges' disagreement opened it.</summary>
    public string? Reason { get; set; }
    public List<DiscussionComment> Comments { get; set; } = [];
}

/// <summary>One comment of a discussion: Markdown, shown sanitized.</summary>
public class DiscussionComment
{
    public int Id { get; set; }
    public int DiscussionId { get; set; }
    public required string AuthorUserId { get; set; }
    /// <summary>Posted as an organizer rather than as one of the entry's judges: how the judges see the author named.</summary>
    public bool ByOrganizer { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
