using System.Globalization;

namespace ContestSite.Core.Judging;

/// <summary>What a correction changed between two results snapshots, in words shown with the correction.</summary>
public static class ResultsChanges
{
    public static IReadOnlyList<string> Between(ResultsSnapshot before, ResultsSnapshot after)
    {
        var changes = new List<string>();
        var old = before.Lines.ToDictionary(l => l.EntryId);
        foreach (var line in after.Lines)
        {
            var name = $"“{line.Title}”（{line.TeamName}）";
            if (!old.Remove(line.EntryId, out var was)) { changes.Add($"{name}：新列入结果"); continue; }
            if (was.Rank != line.Rank) changes.Add($"{name}：名次 {Rank(was.Rank)} → {Rank(line.Rank)}");
            if (was.Advanced != line.Advanced) changes.Add($"{name}：{(line.Advanced ? "改为晋级" : "改为不晋级")}");
            var removed = was.Awards.Select(a => a.Name).Except(line.Awards.Select(a => a.Name)).ToList();
            var added = line.Awards.Select(a => a.Name).Except(was.Awards.Select(a => a.Name)).ToList();
            if (removed.Count > 0) changes.Add($"{name}：撤销{string.Join("、", removed)}");
            if (added.Count > 0) changes.Add($"{name}：新增{string.Join("、", added)}");
            if (was.Rank == line.Rank && Changed(was.NormalisedMean, line.NormalisedMean))
                changes.Add($"{name}：得分 {Score(was.NormalisedMean)} → {Score(line.NormalisedMean)}");
        }
        changes.AddRange(old.Values.Select(l => $"“{l.Title}”（{l.TeamName}）：移出结果"));
        return changes;
    }

    private static bool Changed(double? a, double? b) => a is null != b is null || (a is { } x && b is { } y && Math.Abs(x - y) >= 0.005);
    private static string Rank(int? rank) => rank?.ToString(CultureInfo.InvariantCulture) ?? "无";
    private static string Score(double? score) => score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "无";
}
