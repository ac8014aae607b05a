namespace ContestSite.Core.Catalog;

/// <summary>One column of a dataset (数据项), with its 分类分级 sensitivity flag.</summary>
public class DatasetField
{
    public int Id { get; set; }
    public Guid DatasetId { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }
    public string? DataType { get; set; }
    public string? Description { get; set; }
    public bool IsSensitive { get; set; }
}
