using ContestSite.Core.Judging;

namespace ContestSite.Core.Gallery;

/// <summary>
/// A submission shown in the public gallery (作品展示). It exists once the team's consent is recorded;
/// it is public only while <see cref="PublishedAt"/> is set. It shows one fixed version of the submission,
/// with the organizers' showcase text and the names the team agreed to show.
/// </summary>
public class GalleryEntry
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public int Year { get; set; }
    public int SubmissionId { get; set; }
    public int VersionNumber { get; set; }
    public int RoundId { get; set; }
    public int TrackId { get; set; }
    public int TeamId { get; set; }
    public required string ShowcaseTitle { get; set; }
    /// <summary>Markdown, rendered sanitized; when empty the version's own description is shown.</summary>
    public string? ShowcaseText { get; set; }
    /// <summary>应用类别 of the version shown (the gallery's "domain" filter).</summary>
    public string? Domain { get; set; }
    /// <summary>The team's name as the team agreed it be shown.</summary>
    public required string TeamDisplayName { get; set; }
    /// <summary>Member names as agreed, one per line; empty when the team chose to show none.</summary>
    public string? MemberDisplayNames { get; set; }
    /// <summary>Who gave the team's consent (e.g. the captain's name) and the text they agreed to.</summary>
    public required string ConsentGivenBy { get; set; }
    public required string ConsentText { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }
    public required string ConsentRecordedByUserId { get; set; }
    public int? AwardId { get; set; }
    public string? AwardName { get; set; }
    public AwardLevel? AwardLevel { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int LikeCount { get; set; }
    public int Version { get; set; }

    public bool IsPublished => PublishedAt is not null;

    public IReadOnlyList<string> MemberNames =>
        (MemberDisplayNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One signed-in visitor's like (人气奖 vote) of an entry; unique per entry and account.</summary>
public class GalleryLike
{
    public int EntryId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset LikedAt { get; set; }
}

/// <summary>Per-contest gallery settings: whether people's choice (人气奖) likes are open.</summary>
public class GallerySettings
{
    public int ContestId { get; set; }
    public bool LikesEnabled { get; set; }
}
