namespace ContestSite.Core.Bundles;

/// <summary>
/// A team's application to use one restricted (受限开放) dataset: purpose, scenario, the accepted
/// data-use agreement, expert opinions, the organizer's decision and how long an approval lasts.
/// </summary>
public class AccessApplication
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public Guid DatasetId { get; set; }
    public required string ApplicantId { get; set; }
    /// <summary>用途.</summary>
    public required string Purpose { get; set; }
    /// <summary>应用场景.</summary>
    public required string Scenario { get; set; }
    /// <summary>When the data-use agreement (数据使用协议) was accepted; an application cannot exist without it.</summary>
    public DateTimeOffset AgreementAcceptedAt { get; set; }
    /// <summary>The exact version of the agreement accepted; null on applications made before agreements had versions.</summary>
    public int? AgreementVersionId { get; set; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The organizer asked the expert committee for an opinion before deciding.</summary>
    public DateTimeOffset? OpinionRequestedAt { get; set; }
    /// <summary>The date the organizer asked the experts to answer by; no opinion after it makes the request overdue.</summary>
    public DateTimeOffset? OpinionDueAt { get; set; }
    public string? DeciderId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>安全评估结论 recorded with an approval; required for a dataset at L3 or with sensitive fields.</summary>
    public string? SecurityAssessment { get; set; }
    /// <summary>The emergency stop (应急处置) that suspended this approval; kept after it is restored or revoked.</summary>
    public int? SuspendedByIncidentId { get; set; }
    public List<ExpertOpinion> Opinions { get; set; } = [];
    /// <summary>Raised by every change, so two organizers deciding at the same moment cannot both win.</summary>
    public int Version { get; set; }

    /// <summary>Whether this application lets <paramref name="teamId"/> use <paramref name="datasetId"/> at <paramref name="now"/>.</summary>
    /// <summary>Asked, not answered by anyone, and past its date: shown to the organizers as overdue.</summary>
    public bool OpinionOverdue(DateTimeOffset now) =>
        Status == ApplicationStatus.Pending && Opinions.Count == 0 && AccessApplicationRules.OpinionLate(OpinionDueAt, now);

    public bool Grants(int teamId, Guid datasetId, DateTimeOffset now) =>
        Status == ApplicationStatus.Approved && TeamId == teamId && DatasetId == datasetId && ExpiresAt is { } expires && now < expires;
}

/// <summary>Stored by name; new values are appended. Suspended: an approval held by an emergency stop, counting as none.</summary>
public enum ApplicationStatus { Pending, Approved, Rejected, Revoked, Suspended }

/// <summary>An expert committee member's opinion (专家意见) on an application.</summary>
public class ExpertOpinion
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public required string JudgeId { get; set; }
    public required string JudgeName { get; set; }
    public bool Supports { get; set; }
    public required string Comment { get; set; }
    public DateTimeOffset At { get; set; }
}
