using ContestSite.Core.Judging;

namespace ContestSite.Core.Tests.Judging;

public sealed class AssignerTests
{
    private static AssignEntry[] Entries(int count, string topic = "交通") =>
        Enumerable.Range(1, count).Select(i => new AssignEntry(i, [topic])).ToArray();

    private static AssignJudge[] Judges(int count, params string[] tags) =>
        Enumerable.Range(1, count).Select(i => new AssignJudge($"j{i}", tags)).ToArray();

    private static AssignResult Assign(AssignEntry[] entries, AssignJudge[] judges, int perEntry = 3,
        HashSet<(string, int)>? conflicts = null, (string, int)[]? existing = null) =>
        Assigner.Assign(new(entries, judges, perEntry, conflicts ?? [], existing ?? []));

    [Fact]
    public void Every_entry_gets_the_number_of_judges_asked_for_each_judge_at_most_once()
    {
        var result = Assign(Entries(50), Judges(12));
        Assert.True(result.Succeeded);
        Assert.All(result.Added.GroupBy(p => p.EntryId), g => Assert.Equal(3, g.Select(p => p.JudgeId).Distinct().Count()));
        Assert.Equal(50, result.Added.Select(p => p.EntryId).Distinct().Count());
    }

    [Fact]
    public void Loads_stay_within_one_of_each_other_even_with_random_conflicts()
    {
        var random = new Random(7);
        var entries = Entries(500);
        var judges = Judges(37);
        var conflicts = new HashSet<(string, int)>();
        foreach (var e in entries) foreach (var j in judges) if (random.NextDouble() < 0.05) conflicts.Add((j.JudgeId, e.EntryId));

        var result = Assign(entries, judges, conflicts: conflicts);

        var loads = Assigner.Loads(judges.Select(j => j.JudgeId), result.Added).Values.ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, $"loads from {loads.Min()} to {loads.Max()}");
        Assert.DoesNotContain(result.Added, conflicts.Contains);
        Assert.Equal(1500, result.Added.Count);
    }

    [Fact]
    public void A_conflicted_judge_is_never_assigned()
    {
        var conflicts = new HashSet<(string, int)> { ("j1", 1), ("j2", 1) };
        var result = Assign(Entries(1), Judges(5), conflicts: conflicts);
        Assert.Equal(["j3", "j4", "j5"], result.Added.Select(p => p.JudgeId).Order());
    }

    [Fact]
    public void Asking_more_judges_than_there_are_unconflicted_ones_assigns_nothing_and_says_which_entry()
    {
        var conflicts = new HashSet<(string, int)> { ("j1", 7) };
        var result = Assign(Entries(10), Judges(3), conflicts: conflicts);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Added);
        Assert.Equal([7, 2, 3], result.Decision.Arguments);
    }

    [Fact]
    public void Existing_assignments_count_and_only_missing_judges_are_added()
    {
        var result = Assign(Entries(2), Judges(4), existing: [("j1", 1), ("j2", 1), ("j3", 1)]);
        Assert.DoesNotContain(result.Added, p => p.EntryId == 1);
        Assert.Equal(3, result.Added.Count(p => p.EntryId == 2));
        Assert.Contains(result.Added, p => p.JudgeId == "j4");
    }

    [Fact]
    public void Judges_whose_expertise_matches_are_preferred_when_loads_are_equal()
    {
        AssignJudge[] judges = [new("traffic", ["交通"]), new("health1", ["医疗"]), new("health2", ["医疗"])];
        var result = Assign([new AssignEntry(1, ["医疗"])], judges, perEntry: 2);
        Assert.Equal(["health1", "health2"], result.Added.Select(p => p.JudgeId).Order());
    }
}
