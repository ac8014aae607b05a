namespace ContestSite.Core.Judging;

/// <summary>A judge's own description (专家委员会成员): used to match entries and to propose conflicts.</summary>
public class JudgeProfile
{
    public required string UserId { get; set; }
    public string? Organization { get; set; }
    /// <summary>Comma-separated expertise tags, e.g. "交通,医疗,数字政府"; matched against an entry's track and category.</summary>
    public string? ExpertiseTags { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when the judge withdraws from the committee: no new entries, open ones go to others.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public IReadOnlyList<string> Tags => JudgeTags.Split(ExpertiseTags);
}

/// <summary>
/// A judge's conflict of interest with one entry: declared by the judge, or raised by an organizer. Declared on
/// an entry the judge has already scored, it is a request (<see cref="ConflictStatus.Requested"/>) that an
/// organizer decides; the score is never deleted, only excluded.
/// </summary>
public class ConflictDeclaration
{
    public int Id { get; set; }
    public required string JudgeUserId { get; set; }
    public int SubmissionId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
    /// <summary>Who raised it: the judge, or an organizer (the only way after review closes).</summary>
    public string? RaisedByUserId { get; set; }
    public ConflictStatus Status { get; set; } = ConflictStatus.Declared;
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? Decision { get; set; }
}

public enum ConflictStatus
{
    /// <summary>No score existed: the assignment was released at once.</summary>
    Declared,
    /// <summary>The judge had scored the entry: waiting for an organizer.</summary>
    Requested,
    /// <summary>An organizer upheld it: the judge's score is excluded (kept, marked).</summary>
    Upheld,
    /// <summary>An organizer dismissed it: the score counts.</summary>
    Dismissed,
}

/// <summary>One judge asked to score one entry of one round; unique per judge, entry and round.</summary>
public class Assignment
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int SubmissionId { get; set; }
    public required string JudgeUserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Review? Review { get; set; }
}

/// <summary>A judge's scores for one assignment: a draft the judge may keep changing, then submitted.</summary>
public class Review
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;
    public string? Comment { get; set; }
    /// <summary>The weighted total on a 0–100 scale, kept so that results need not recompute it.</summary>
    public decimal? Total { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Raised by every save: two saves made from the same reading cannot both win.</summary>
    public int Concurrency { get; set; }
    public List<CriterionScore> Scores { get; set; } = [];
    /// <summary>Set when an organizer excluded this score (an upheld conflict): kept and shown, never counted.</summary>
    public DateTimeOffset? ExcludedAt { get; set; }
    public string? ExcludedByUserId { get; set; }
    public string? ExclusionReason { get; set; }
}

public enum ReviewStatus { Draft, Submitted }

public class CriterionScore
{
    public int ReviewId { get; set; }
    public int CriterionId { get; set; }
    public decimal Value { get; set; }
}

/// <summary>An entry that goes on from a round to the next one; the next round's submissions read this table.</summary>
public class Advancement
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int? NextRoundId { get; set; }
    public int SubmissionId { get; set; }
    public int TeamId { get; set; }
    public int TrackId { get; set; }
    public int Rank { get; set; }
    public DateTimeOffset AdvancedAt { get; set; }
}

/// <summary>
/// A prize given to an entry (一等奖, 二等奖, 三等奖, 优秀奖 or a special award). Public once
/// <see cref="PublishedAt"/> is set; the gallery reads published awards.
/// </summary>
public class Award
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int RoundId { get; set; }
    /// <summary>Null for a special award given across tracks.</summary>
    public int? TrackId { get; set; }
    public int SubmissionId { get; set; }
    public int TeamId { get; set; }
    public AwardLevel Level { get; set; }
    /// <summary>The name shown: the level's name, or the special award's own name (e.g. 最佳数据应用奖).</summary>
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

public enum AwardLevel { First, Second, Third, Excellence, Special }

/// <summary>How a round's judging is decided, beyond what the round itself says.</summary>
public class RoundJudgingSettings
{
    public int RoundId { get; set; }
    /// <summary>When set, the share (percent) of each track's ranked entries that advance; else the round's AdvanceCount.</summary>
    public decimal? AdvanceSharePercent { get; set; }
    /// <summary>Judges' totals (0–100) further apart than this flag the entry for discussion.</summary>
    public decimal DisagreementThreshold { get; set; } = 20;
    public RankingMethod Ranking { get; set; } = RankingMethod.Normalised;
    /// <summary>How many days provisional results stay in 公示 (objections accepted) before they can be finalised.</summary>
    public int ObjectionDays { get; set; } = 7;
    /// <summary>Whether teams see the judges' written comments with their results (never the judges' names in a blind round).</summary>
    public bool ShowCommentsToTeams { get; set; }
}

public enum RankingMethod { Raw, Normalised }

/// <summary>The Chinese name of each award level, stored on the award and translated where shown (a special award has its own name).</summary>
public static class AwardLevelNames
{
    public static string Of(AwardLevel level) => level switch
    {
        AwardLevel.First => "一等奖",
        AwardLevel.Second => "二等奖",
        AwardLevel.Third => "三等奖",
        AwardLevel.Excellence => "优秀奖",
        _ => "特别奖",
    };
}
