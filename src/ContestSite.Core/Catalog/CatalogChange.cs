namespace ContestSite.Core.Catalog;

/// <summary>
/// One line of the catalogue's change log: the search index of every node replays it after its cursor,
/// so the index follows the database whatever crashed.
/// </summary>
public class CatalogChange
{
    public long Id { get; set; }
    public Guid DatasetId { get; set; }
    public DateTimeOffset At { get; set; }
}
