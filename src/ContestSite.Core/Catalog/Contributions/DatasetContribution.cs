namespace ContestSite.Core.Catalog.Contributions;

/// <summary>Who a contribution is made for: an organization the person names, or the team they captain.</summary>
public enum ContributorKind
{
    Organization = 0,
    Team = 1,
}

/// <summary>
/// Who contributed a dataset (社会贡献数据) and how to reach them. The dataset's <see cref="Dataset.Provider"/> is the
/// organization or team, shown publicly; the person and the contact are for the organizers only.
/// </summary>
public class DatasetContribution
{
    public Guid DatasetId { get; set; }
    public required string ContributorId { get; set; }
    public ContributorKind Kind { get; set; }
    /// <summary>The team, when contributed for one (its captain contributes).</summary>
    public int? TeamId { get; set; }
    /// <summary>联系方式: how the reviewers reach the contributor (a phone number or an address); never public.</summary>
    public required string Contact { get; set; }
    /// <summary>The contest current when the data was contributed (the one whose switch allowed it).</summary>
    public int ContestId { get; set; }
    public DateTimeOffset ContributedAt { get; set; }
}
