using System.Text.Json;

namespace ContestSite.Core.Judging;

/// <summary>
/// One publication of a round's results: a stored snapshot (ranking per track, advancing list, awards) that
/// nothing later changes. A correction during 公示 publishes a new version and supersedes the old one;
/// reopening review withdraws it; finalising makes it final, after which the round's results cannot change.
/// </summary>
public class ResultsPublication
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    /// <summary>1, 2, 3… per round; unique, so two organizers publishing at once cannot both win.</summary>
    public int Version { get; set; }
    public ResultsStatus Status { get; set; } = ResultsStatus.Provisional;
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedByUserId { get; set; }
    /// <summary>The end of the 公示 period: objections are accepted before this moment.</summary>
    public DateTimeOffset ObjectionsCloseAt { get; set; }
    /// <summary>Why this version replaced the previous one (a correction); null for the first.</summary>
    public string? CorrectionReason { get; set; }
    /// <summary>What changed against the previous version, in words (shown with the correction).</summary>
    public string? ChangeSummary { get; set; }
    public DateTimeOffset? FinalisedAt { get; set; }
    public string? FinalisedByUserId { get; set; }
    /// <summary>Set when review was reopened (or a later version replaced this one): the moment and the reason.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedReason { get; set; }
    /// <summary>The <see cref="ResultsSnapshot"/> as JSON.</summary>
    public required string SnapshotJson { get; set; }

    public ResultsSnapshot Snapshot() => ResultsSnapshot.FromJson(SnapshotJson);
    /// <summary>Whether this version is what the public sees now.</summary>
    public bool IsCurrent => Status is ResultsStatus.Provisional or ResultsStatus.Final;
}

public enum ResultsStatus { Provisional, Final, Superseded, Withdrawn }

/// <summary>What a publication shows, frozen at the moment it was published.</summary>
public sealed record ResultsSnapshot(string RoundName, IReadOnlyList<ResultLine> Lines)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static ResultsSnapshot FromJson(string json) => JsonSerializer.Deserialize<ResultsSnapshot>(json, Json)
        ?? throw new InvalidDataException("A results snapshot is empty");
}

/// <summary>One entry in a results snapshot. Rank is null when the entry received no counted score.</summary>
public sealed record ResultLine(
    int EntryId, int TeamId, string TeamName, string Title, int TrackId, string TrackName,
    int? Rank, double? RawMean, double? NormalisedMean, int ScoreCount, bool Advanced,
    IReadOnlyList<ResultAward> Awards, IReadOnlyList<ResultCriterion> Criteria);

public sealed record ResultAward(int AwardId, AwardLevel Level, string Name);

/// <summary>An entry's mean on one criterion, as a share of the criterion's maximum (0–1).</summary>
public sealed record ResultCriterion(int CriterionId, string Name, double MeanShare);

/// <summary>
/// An objection (异议) raised during the 公示 period by a member of a team that took part in the round, on one
/// entry of the results; an organizer answers it, publicly or to the team only.
/// </summary>
public class Objection
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    /// <summary>The publication the objection was raised against.</summary>
    public int PublicationId { get; set; }
    /// <summary>The entry the objection is about (may be another team's).</summary>
    public int SubmissionId { get; set; }
    /// <summary>The team of the member who raised it.</summary>
    public int TeamId { get; set; }
    public required string RaisedByUserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public string? AttachmentFileName { get; set; }
    public string? AttachmentContentType { get; set; }
    public string? AttachmentStorageKey { get; set; }
    public long? AttachmentLength { get; set; }
    public ObjectionStatus Status { get; set; } = ObjectionStatus.Open;
    public string? Answer { get; set; }
    /// <summary>Whether the answer is shown with the public results, or only to the team that raised it.</summary>
    public bool AnswerIsPublic { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredByUserId { get; set; }
    /// <summary>Raised by every change: two organizers answering the same objection cannot both win.</summary>
    public int Concurrency { get; set; }
}

public enum ObjectionStatus { Open, Answered }

/// <summary>
/// An award certificate (获奖证书), issued when a round's results become final. The texts are copied from the
/// final results so the certificate reads the same forever; <see cref="Code"/> verifies it publicly.
/// </summary>
public class Certificate
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    /// <summary>A random, unguessable verification code (the URL <c>/certificates/{code}</c>).</summary>
    public required string Code { get; set; }
    public int TeamId { get; set; }
    public required string ContestName { get; set; }
    public required string RoundName { get; set; }
    public required string TeamName { get; set; }
    public required string EntryTitle { get; set; }
    public required string AwardName { get; set; }
    /// <summary>The team members' names at issue, separated by "、".</summary>
    public required string MemberNames { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}

/// <summary>Review reopened by an organizer for one entry of a round whose review has closed: its judges may score it until <see cref="ClosesAt"/>.</summary>
public class ReviewReopening
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int SubmissionId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public required string Reason { get; set; }
    public required string OpenedByUserId { get; set; }
}
