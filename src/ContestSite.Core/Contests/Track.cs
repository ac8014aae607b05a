namespace ContestSite.Core.Contests;

/// <summary>赛道/赛题: a track of the contest, with its own bundle of datasets and ranking.</summary>
public class Track
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
}
