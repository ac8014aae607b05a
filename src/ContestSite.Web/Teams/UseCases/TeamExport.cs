using System.Text;
using ContestSite.Core.Contests;
using ContestSite.Core.Teams;
using ContestSite.Core.Text;
using ContestSite.Data;
using ContestSite.Web.Teams.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>
/// The team list for organizers as CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX: one row per
/// member. Every text cell is neutralised so that nothing in a team's name runs as a formula.
/// </summary>
public sealed class TeamExport(ContestDbContext db, IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(TeamExport));

    public async Task<byte[]> CsvAsync(Contest contest, TeamFilter filter)
    {
        var rows = await RowsAsync(contest, filter);
        var csv = new StringBuilder();
        foreach (var row in rows) csv.Append(string.Join(',', row.Select(SpreadsheetText.CsvField))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public async Task<byte[]> XlsxAsync(Contest contest, TeamFilter filter)
    {
        var rows = await RowsAsync(contest, filter);
        var header = rows[0];
        var sheet = rows.Skip(1).Select(row => (IDictionary<string, object?>)header.Select((name, i) => (name, value: (object?)SpreadsheetText.Neutralise(row[i])))
            .ToDictionary(cell => cell.name, cell => cell.value)).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: _t["团队"].Value);
        return stream.ToArray();
    }

    private async Task<List<string[]>> RowsAsync(Contest contest, TeamFilter filter)
    {
        var teams = await filter.Apply(db, contest.Id).AsNoTracking().Include(t => t.Members).AsSplitQuery()
            .OrderBy(t => t.Id).ToListAsync();
        var tracks = contest.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var rows = new List<string[]>
        {
            new[] { "团队编号", "团队名称", "赛道", "状态", "单位类型", "单位名称", "人数", "成员", "角色", "手机", "所在单位", "加入时间" }
                .Select(h => _t[h].Value).ToArray(),
        };
        foreach (var team in teams)
            foreach (var member in team.Members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt))
                rows.Add([
                    team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), team.Name, tracks.GetValueOrDefault(team.TrackId, ""),
                    _t[TeamText.Status(team.Status)].Value, _t[TeamText.Organization(team.OrganizationType)].Value, team.OrganizationName,
                    team.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), member.RealName,
                    _t[TeamText.Role(member.Role)].Value, member.Phone, member.Organization, ContestTime.Display(member.JoinedAt),
                ]);
        return rows;
    }
}
