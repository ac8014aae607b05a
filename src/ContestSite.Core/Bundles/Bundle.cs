namespace ContestSite.Core.Bundles;

/// <summary>数据包: the datasets a track provides to its teams, with the data-use terms of the track.</summary>
public class Bundle
{
    public int Id { get; set; }
    public int TrackId { get; set; }
    public string Terms { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public List<BundleDataset> Datasets { get; set; } = [];
}

/// <summary>One catalogue dataset in a bundle.</summary>
public class BundleDataset
{
    public int Id { get; set; }
    public int BundleId { get; set; }
    public Guid DatasetId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>The masking rule an organizer chose for one field of a dataset; the rule name is a <see cref="Masking.MaskingRuleKind"/>.</summary>
public class FieldMaskingRule
{
    public int Id { get; set; }
    public Guid DatasetId { get; set; }
    public required string FieldName { get; set; }
    public required string Rule { get; set; }
    public int? KeepFirst { get; set; }
    public int? KeepLast { get; set; }
}
