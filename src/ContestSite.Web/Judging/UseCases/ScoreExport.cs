using System.Globalization;
using ContestSite.Data;
using ContestSite.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// A round's scores (one row per judge and entry, one column per criterion) and its ranking, as tables to export.
/// Excluded scores (upheld conflicts) are in the scores table too, marked in the last column with the reason.
/// </summary>
public sealed class ScoreExport(ContestDbContext db, ExcludedScores excludedScores, IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(ScoreExport));

    public async Task<ExportTable> ScoresAsync(RoundReport report, CancellationToken cancellationToken = default)
    {
        var criteria = report.Round.Criteria.OrderBy(c => c.SortOrder).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => report.JudgeNames.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var titles = report.Rows.ToDictionary(r => r.EntryId, r => r.Title);
        var header = new[] { _t["作品编号"].Value, _t["作品名称"].Value, _t["评委"].Value, _t["评委邮箱"].Value }
            .Concat(criteria.Select(c => c.Name)).Append(_t["加权总分"].Value).Append(_t["已排除"].Value).ToArray();
        var lines = report.Reviews.Select(r => (r.EntryId, Judge: report.JudgeNames.GetValueOrDefault(r.JudgeId, ""), Email: emails.GetValueOrDefault(r.JudgeId, ""),
                r.Scores, Total: (double?)r.Total, Excluded: ""))
            .Concat((await excludedScores.OfRoundAsync(report.Round.Id, cancellationToken)).Select(e => (e.EntryId, Judge: e.JudgeName, Email: e.JudgeEmail,
                e.Scores, Total: (double?)e.Total, Excluded: _t["已排除：{0}", e.Reason ?? ""].Value)));
        var rows = new List<string?[]>();
        foreach (var line in lines.OrderBy(l => l.EntryId).ThenBy(l => l.Judge).ThenBy(l => l.Excluded.Length))
            rows.Add([
                line.EntryId.ToString(CultureInfo.InvariantCulture), titles.GetValueOrDefault(line.EntryId, ""), line.Judge, line.Email,
                .. criteria.Select(c => line.Scores.TryGetValue(c.Id, out var v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : ""),
                Number(line.Total), line.Excluded,
            ]);
        return new ExportTable("scores", header, rows.ToAsyncEnumerable());
    }

    public ExportTable Ranking(RoundReport report, IReadOnlyDictionary<int, string> trackNames)
    {
        var header = new[] { "赛道", "名次", "作品编号", "作品名称", "团队", "原始平均分", "标准化平均分", "评分数", "分歧", "同分处理", "晋级", "奖项" }
            .Select(h => _t[h].Value).ToArray();
        var rows = new List<string?[]>();
        foreach (var row in report.Rows)
        {
            var ranked = row.Outcome.Ranked;
            rows.Add([
                trackNames.GetValueOrDefault(row.TrackId, ""), ranked.Rank.ToString(CultureInfo.InvariantCulture), row.EntryId.ToString(CultureInfo.InvariantCulture),
                row.Title, row.TeamName, Number(row.Outcome.RawMean), Number(row.Outcome.NormalisedMean),
                row.Outcome.Judges.Count.ToString(CultureInfo.InvariantCulture), row.Outcome.Disagreement ? _t["是"].Value : "",
                ranked.TieBreak is null ? "" : _t[ranked.TieBreak, ranked.TieBreakArguments].Value, row.Advanced ? _t["是"].Value : "",
                string.Join("、", row.Awards.Select(a => a.Name)),
            ]);
        }
        return new ExportTable("ranking", header, rows.ToAsyncEnumerable());
    }

    private static string Number(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
}
