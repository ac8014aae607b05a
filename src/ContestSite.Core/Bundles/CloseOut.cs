using ContestSite.Core.Rules;

namespace ContestSite.Core.Bundles;

/// <summary>
/// 销毁: what a team owes once its approval for a restricted dataset has ended (expired, revoked, or the contest ended
/// while it was live) and it had received at least one file of that dataset: the captain's attestation, by
/// <see cref="DueAt"/>, that the team deleted the files. One per application (the unique index is the job's claim).
/// </summary>
public class CloseOut
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int TeamId { get; set; }
    public Guid DatasetId { get; set; }
    public CloseOutEnd EndReason { get; set; }
    /// <summary>When the approval ended: the files received up to this moment (and from its decision on) are to be deleted.</summary>
    public DateTimeOffset EndedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public CloseOutState State { get; set; } = CloseOutState.Owed;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set by the node that sends the reminder, in the same transaction as the mail (the claim of the reminder).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? EscalatedById { get; set; }
    public string? EscalationNote { get; set; }
    public CloseOutAttestation? Attestation { get; set; }

    public bool IsOverdue(DateTimeOffset now) => State != CloseOutState.Attested && now >= DueAt;
}

/// <summary>Stored by name. Escalated: overdue and raised by an organizer; still owed until attested.</summary>
public enum CloseOutState { Owed, Attested, Escalated }

public enum CloseOutEnd { Expired, Revoked, ContestEnded }

/// <summary>The captain's statement that the team deleted the listed files, on a date; one per close-out (unique index).</summary>
public class CloseOutAttestation
{
    public int Id { get; set; }
    public int CloseOutId { get; set; }
    public required string AttestedById { get; set; }
    public DateTimeOffset AttestedAt { get; set; }
    /// <summary>The day (China time) the team says it deleted the data.</summary>
    public DateOnly DeletedOn { get; set; }
    /// <summary>The statement exactly as shown to the captain when confirming.</summary>
    public required string Statement { get; set; }
    public List<CloseOutDeletedFile> Files { get; set; } = [];
}

public class CloseOutDeletedFile
{
    public int Id { get; set; }
    public int AttestationId { get; set; }
    public int ResourceId { get; set; }
    public required string FileName { get; set; }
}

/// <summary>A file of the dataset the team received (served, not refused): the first time, and by whom.</summary>
public sealed record ReceivedFile(int ResourceId, string FileName, DateTimeOffset FirstAt, string ReceivedBy);

/// <summary>When an approval ends, what the captain must attest, and when organizers may escalate.</summary>
public static class CloseOutRules
{
    public const int MaxNoteLength = 2000;
    public const string Statement = "本人代表团队郑重声明：本团队已删除上述全部受限开放数据文件及其副本、衍生的未脱敏数据，不再保留、使用或向他人提供。";

    /// <summary>
    /// The moment an approval ended and why, or null while it still runs (or never granted anything): revoked, expired
    /// (suspended ones too), or the end of its contest while it was still live.
    /// </summary>
    public static (DateTimeOffset At, CloseOutEnd Reason)? EndOf(AccessApplication application, DateTimeOffset? contestEnd, DateTimeOffset now)
    {
        if (application.DecidedAt is null) return null;
        if (application.Status == ApplicationStatus.Revoked && application.RevokedAt is { } revoked)
        {
            if (contestEnd is { } c && c < revoked && (application.ExpiresAt is not { } e0 || c < e0)) return (c, CloseOutEnd.ContestEnded);
            if (application.ExpiresAt is { } e1 && e1 < revoked) return (e1, CloseOutEnd.Expired);
            return (revoked, CloseOutEnd.Revoked);
        }
        if (application.Status is not (ApplicationStatus.Approved or ApplicationStatus.Suspended) || application.ExpiresAt is not { } expires) return null;
        if (contestEnd is { } end && end < expires && end <= now) return (end, CloseOutEnd.ContestEnded);
        return expires <= now ? (expires, CloseOutEnd.Expired) : null;
    }

    public static RuleResult CanAttest(CloseOut closeOut, bool isCaptain, IReadOnlyCollection<ReceivedFile> received, IReadOnlyCollection<int> ticked,
        DateOnly? deletedOn, DateOnly today, bool confirmed)
    {
        if (!isCaptain) return RuleResult.Refuse("只有队长可以提交数据销毁声明");
        if (closeOut.State == CloseOutState.Attested) return RuleResult.Refuse("该数据的销毁声明已经提交，不能重复提交");
        var receivedIds = received.Select(r => r.ResourceId).ToHashSet();
        if (ticked.Any(id => !receivedIds.Contains(id))) return RuleResult.Refuse("所选文件中有本团队未曾获取的文件，声明未保存");
        if (receivedIds.Any(id => !ticked.Contains(id))) return RuleResult.Refuse("请逐一勾选本团队获取过的全部文件：每个文件都须删除");
        if (deletedOn is not { } day) return RuleResult.Refuse("请填写删除日期");
        if (day > today) return RuleResult.Refuse("删除日期不能晚于今天");
        var first = received.Min(r => r.FirstAt);
        if (day < DateOnly.FromDateTime(first.ToOffset(TimeSpan.FromHours(8)).DateTime))
            return RuleResult.Refuse("删除日期不能早于首次获取数据的日期 {0}", first);
        if (!confirmed) return RuleResult.Refuse("请勾选确认销毁声明");
        return RuleResult.Ok;
    }

    public static RuleResult CanEscalate(CloseOut closeOut, string? note, DateTimeOffset now)
    {
        if (closeOut.State == CloseOutState.Attested) return RuleResult.Refuse("该团队已提交销毁声明，不能督办");
        if (closeOut.State == CloseOutState.Escalated) return RuleResult.Refuse("该项已经督办过");
        if (!closeOut.IsOverdue(now)) return RuleResult.Refuse("尚未逾期，不能督办：截止时间为 {0}", closeOut.DueAt);
        if (string.IsNullOrWhiteSpace(note)) return RuleResult.Refuse("请填写督办说明");
        if (note.Trim().Length > MaxNoteLength) return RuleResult.Refuse("督办说明不能超过 {0} 个字符", MaxNoteLength);
        return RuleResult.Ok;
    }
}
