using System.Globalization;
using System.Text;
using ContestSite.Core.Text;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ContestSite.Web.Judging.UseCases;

/// <summary>
/// A round's scores (one row per judge and entry, one column per criterion) and its ranking, as CSV
/// (UTF-8 with BOM) or XLSX. Text cells are neutralised so that no title runs as a formula.
/// </summary>
public sealed class ScoreExport(ContestDbContext db, IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(ScoreExport));

    public async Task<List<string[]>> ScoresAsync(RoundReport report, CancellationToken cancellationToken = default)
    {
        var criteria = report.Round.Criteria.OrderBy(c => c.SortOrder).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => report.JudgeNames.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var titles = report.Rows.ToDictionary(r => r.EntryId, r => r.Title);
        var header = new[] { _t["作品编号"].Value, _t["作品名称"].Value, _t["评委"].Value, _t["评委邮箱"].Value }
            .Concat(criteria.Select(c => c.Name)).Append(_t["加权总分"].Value).ToArray();
        var rows = new List<string[]> { header };
        foreach (var review in report.Reviews.OrderBy(r => r.EntryId).ThenBy(r => report.JudgeNames.GetValueOrDefault(r.JudgeId)))
            rows.Add([
                review.EntryId.ToString(CultureInfo.InvariantCulture), titles.GetValueOrDefault(review.EntryId, ""),
                report.JudgeNames.GetValueOrDefault(review.JudgeId, ""), emails.GetValueOrDefault(review.JudgeId, ""),
                .. criteria.Select(c => review.Scores.TryGetValue(c.Id, out var v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : ""),
                Number(review.Total),
            ]);
        return rows;
    }

    public List<string[]> Ranking(RoundReport report, IReadOnlyDictionary<int, string> trackNames)
    {
        var rows = new List<string[]>
        {
            new[] { "赛道", "名次", "作品编号", "作品名称", "团队", "原始平均分", "标准化平均分", "评分数", "分歧", "同分处理", "晋级", "奖项" }.Select(h => _t[h].Value).ToArray(),
        };
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
        return rows;
    }

    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows) csv.Append(string.Join(',', row.Select(f => SpreadsheetText.CsvField(SpreadsheetText.Neutralise(f))))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static async Task<byte[]> XlsxAsync(IReadOnlyList<string[]> rows, string sheetName)
    {
        var header = rows[0];
        var sheet = rows.Skip(1).Select(row => (IDictionary<string, object?>)header.Select((name, i) => (name, value: (object?)SpreadsheetText.Neutralise(row[i])))
            .ToDictionary(cell => cell.name, cell => cell.value)).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: sheetName);
        return stream.ToArray();
    }

    private static string Number(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
}
