namespace ContestSite.Web.Contests.UseCases;

/// <summary>What a change to the contest's settings came to: the id of what was saved, or the problems (localizer keys) that stopped it.</summary>
public sealed record ContestChange(int Id, IReadOnlyList<string> Problems)
{
    public bool Saved => Problems.Count == 0;
    public static ContestChange Done(int id) => new(id, []);
    public static ContestChange Refused(params IReadOnlyList<string> problems) => new(0, problems);
}
