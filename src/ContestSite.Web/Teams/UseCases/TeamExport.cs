using ContestSite.Core.Contests;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Exports;
using ContestSite.Web.Teams.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ContestSite.Web.Teams.UseCases;

/// <summary>
/// The team list for organizers, one row per member, as a table to export.
/// </summary>
public sealed class TeamExport(ContestDbContext db, IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer _t = localizers.Create(typeof(TeamExport));

    public async Task<ExportTable> TableAsync(Contest contest, TeamFilter filter, CancellationToken cancellationToken = default)
    {
        var teams = await filter.Apply(db, contest.Id).AsNoTracking().Include(t => t.Members).AsSplitQuery()
            .OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var tracks = contest.Tracks.ToDictionary(t => t.Id, t => t.Name);
        var header = new[] { "团队编号", "团队名称", "赛道", "状态", "单位类型", "单位名称", "人数", "成员", "角色", "手机", "所在单位", "加入时间" }
            .Select(h => _t[h].Value).ToArray();
        var rows = new List<string?[]>();
        foreach (var team in teams)
            foreach (var member in team.Members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt))
                rows.Add([
                    team.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), team.Name, tracks.GetValueOrDefault(team.TrackId, ""),
                    _t[TeamText.Status(team.Status)].Value, _t[TeamText.Organization(team.OrganizationType)].Value, team.OrganizationName,
                    team.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), member.RealName,
                    _t[TeamText.Role(member.Role)].Value, member.Phone, member.Organization, ContestTime.Display(member.JoinedAt),
                ]);
        return new ExportTable(_t["团队"].Value, header, rows.ToAsyncEnumerable());
    }
}
