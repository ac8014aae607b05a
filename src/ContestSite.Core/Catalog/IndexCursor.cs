namespace ContestSite.Core.Catalog;

/// <summary>How far an index has applied the change log; one row per index name.</summary>
public class IndexCursor
{
    public required string IndexName { get; set; }
    public long LastChangeId { get; set; }
}
