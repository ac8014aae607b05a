namespace ContestSite.Core.Catalog;

public enum ReviewDecision
{
    /// <summary>Published: the dataset is opened as assessed.</summary>
    Approved = 1,

    /// <summary>Back to draft, with the reason, for the organizers to fix and submit again.</summary>
    Returned = 2,
}

/// <summary>
/// One review of one submission (round) of a dataset (开放前评估审查): the assessment the reviewer recorded, what the
/// classification was when they assessed it, and who submitted and who reviewed. Datasets reviewed together share
/// the batch id and the assessment. Kept forever. A dataset the operator's setup recipe published is recorded here
/// too, honestly: by the recipe, with nothing confirmed by a person.
/// </summary>
public class DatasetReview
{
    public long Id { get; set; }
    public Guid DatasetId { get; set; }
    public int Round { get; set; }
    public ReviewDecision Decision { get; set; }
    public Guid BatchId { get; set; }
    public int BatchSize { get; set; }

    public bool LevelConfirmed { get; set; }
    public bool SensitiveFieldsConfirmed { get; set; }
    public bool MaskingRulesComplete { get; set; }
    /// <summary>Why the open type is right for this data (开放类型依据).</summary>
    public string? OpenTypeJustification { get; set; }
    /// <summary>Why it goes back to draft; required for a return.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The classification as the reviewer saw it.</summary>
    public OpenType OpenType { get; set; }
    public int? SensitivityLevel { get; set; }
    public string? SensitiveFields { get; set; }

    public string? SubmittedById { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Null when <see cref="ByRecipe"/>.</summary>
    public string? ReviewerId { get; set; }
    public string? ReviewerName { get; set; }
    public bool ByRecipe { get; set; }
    public DateTimeOffset At { get; set; }
}
