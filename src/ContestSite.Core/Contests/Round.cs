namespace ContestSite.Core.Contests;

/// <summary>A round of the contest (初赛, 复赛, 决赛): when entries are accepted and when judges review them.</summary>
public class Round
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public required string Name { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset SubmissionOpensAt { get; set; }
    public DateTimeOffset SubmissionClosesAt { get; set; }
    public DateTimeOffset ReviewOpensAt { get; set; }
    public DateTimeOffset ReviewClosesAt { get; set; }
    /// <summary>How many entries per track go on to the next round; null when the round is the last.</summary>
    public int? AdvanceCount { get; set; }
    public int JudgesPerEntry { get; set; } = 3;
    public bool BlindReview { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];

    public bool IsSubmissionOpen(DateTimeOffset now) => now >= SubmissionOpensAt && now < SubmissionClosesAt;
    public bool IsReviewOpen(DateTimeOffset now) => now >= ReviewOpensAt && now < ReviewClosesAt;
}
