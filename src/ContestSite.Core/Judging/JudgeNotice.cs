namespace ContestSite.Core.Judging;

/// <summary>
/// A mail a judge got about a round's deadline, recorded so it goes out once: the reminder before review closes
/// and the note when it has closed, each for one judge, one round and one deadline. The row is the claim: the
/// node whose insert commits sends the mail, a second node's insert of the same key fails and sends nothing.
/// </summary>
public class JudgeNotice
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string JudgeUserId { get; set; }
    public JudgeNoticeKind Kind { get; set; }
    /// <summary>The close of review the mail was about: an extended deadline is a new one, and gets a mail of its own.</summary>
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

public enum JudgeNoticeKind
{
    /// <summary>Review closes soon and the judge has unfinished reviews.</summary>
    Reminder,
    /// <summary>Review has closed: thanks, how many were submitted, scores frozen.</summary>
    ReviewClosed,
}
