namespace ContestSite.Core.Contests;

/// <summary>One line of a round's rubric, e.g. 创新性 with weight 30 scored out of 10.</summary>
public class RubricCriterion
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Guidance { get; set; }
    public decimal Weight { get; set; }
    public decimal MaxScore { get; set; } = 10;
    public bool WholeNumbersOnly { get; set; } = true;
    public int SortOrder { get; set; }
}
