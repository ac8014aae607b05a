using ContestSite.Core.Rules;

namespace ContestSite.Core.Judging;

/// <summary>An entry to be judged, with the words (track name, category) that a judge's expertise can match.</summary>
public sealed record AssignEntry(int EntryId, IReadOnlyCollection<string> Topics);

/// <summary>A judge who can take entries, with expertise tags and the entries they already hold in this round.</summary>
public sealed record AssignJudge(string JudgeId, IReadOnlyCollection<string> Tags);

public sealed record AssignRequest(
    IReadOnlyList<AssignEntry> Entries,
    IReadOnlyList<AssignJudge> Judges,
    int JudgesPerEntry,
    /// <summary>(judge, entry) pairs that must never be assigned.</summary>
    IReadOnlySet<(string JudgeId, int EntryId)> Conflicts,
    /// <summary>Assignments that already exist: they count towards the entry's judges and the judge's load.</summary>
    IReadOnlyCollection<(string JudgeId, int EntryId)> Existing);

/// <summary>Either new pairs to add, or a refusal and nothing assigned.</summary>
public sealed record AssignResult(IReadOnlyList<(string JudgeId, int EntryId)> Added, RuleResult Decision)
{
    public bool Succeeded => Decision.Allowed;
}

/// <summary>
/// Gives every entry the judges it still needs. Entries with the fewest possible judges go first; each
/// takes the judges with the lowest load, preferring a judge whose expertise matches the entry when
/// loads are equal, never a conflicted judge nor one who already holds the entry. Taking the lowest
/// load each time keeps every judge within one entry of the others whenever conflicts allow it.
/// Before anything is assigned, every entry is checked to have enough eligible judges: either all
/// entries are covered or none is changed.
/// </summary>
public static class Assigner
{
    public static AssignResult Assign(AssignRequest request)
    {
        var judges = request.Judges.Select(j => j.JudgeId).Distinct(StringComparer.Ordinal).ToList();
        var index = judges.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var tags = request.Judges.GroupBy(j => j.JudgeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new HashSet<string>(g.SelectMany(j => j.Tags), StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        var load = new int[judges.Count];
        var held = new HashSet<(string, int)>(request.Existing);
        foreach (var (judge, _) in request.Existing) if (index.TryGetValue(judge, out var i)) load[i]++;

        var needs = new List<(AssignEntry Entry, int Missing, List<int> Eligible)>();
        foreach (var entry in request.Entries)
        {
            var have = judges.Count(j => held.Contains((j, entry.EntryId)));
            var missing = request.JudgesPerEntry - have;
            if (missing <= 0) continue;
            var eligible = Enumerable.Range(0, judges.Count)
                .Where(i => !held.Contains((judges[i], entry.EntryId)) && !request.Conflicts.Contains((judges[i], entry.EntryId))).ToList();
            if (eligible.Count < missing)
                return new([], RuleResult.Refuse("作品 {0} 只有 {1} 位无利益冲突的评委，少于每件作品所需的 {2} 位；未做任何分配",
                    entry.EntryId, eligible.Count + have, request.JudgesPerEntry));
            needs.Add((entry, missing, eligible));
        }

        var added = new List<(string, int)>();
        foreach (var (entry, missing, eligible) in needs.OrderBy(n => n.Eligible.Count - n.Missing).ThenBy(n => n.Entry.EntryId))
        {
            var topics = entry.Topics;
            var chosen = eligible
                .OrderBy(i => load[i])
                .ThenBy(i => Matches(tags[judges[i]], topics) ? 0 : 1)
                .ThenBy(i => Spread(i, entry.EntryId))
                .Take(missing);
            foreach (var i in chosen)
            {
                load[i]++;
                added.Add((judges[i], entry.EntryId));
            }
        }
        return new(added, RuleResult.Ok);
    }

    private static bool Matches(HashSet<string> tags, IReadOnlyCollection<string> topics) =>
        tags.Count > 0 && topics.Any(tags.Contains);

    /// <summary>A fixed scramble of judge and entry, so equal judges do not always pair with the same colleagues.</summary>
    private static int Spread(int judge, int entry) => unchecked((judge + 1) * 40503 ^ entry * 2654435) & 0x7fffffff;

    /// <summary>Each judge's number of assignments after the given pairs, for reports and checks.</summary>
    public static IReadOnlyDictionary<string, int> Loads(IEnumerable<string> judges, IEnumerable<(string JudgeId, int EntryId)> pairs)
    {
        var loads = judges.Distinct(StringComparer.Ordinal).ToDictionary(j => j, _ => 0, StringComparer.Ordinal);
        foreach (var (judge, _) in pairs) if (loads.TryGetValue(judge, out var count)) loads[judge] = count + 1;
        return loads;
    }
}
