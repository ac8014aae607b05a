using ContestSite.Data;
using ContestSite.Web.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Certificates;

/// <summary>One certificate as the team's page lists it.</summary>
public sealed record TeamCertificateRow(string Code, string AwardName, string RoundName, string EntryTitle, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);

/// <summary>The "获奖证书" section of a team's page: its certificates with their download links, when it has any.</summary>
public sealed class TeamCertificates(ContestDbContext db) : ITeamPageSectionProvider
{
    public async Task<TeamPageSection?> ForTeamAsync(int teamId, CancellationToken cancellationToken)
    {
        var rows = await db.Certificates.AsNoTracking().Where(c => c.TeamId == teamId).OrderBy(c => c.Id)
            .Select(c => new TeamCertificateRow(c.Code, c.AwardName, c.RoundName, c.EntryTitle, c.IssuedAt, c.RevokedAt))
            .ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : new TeamPageSection("/Certificates/_TeamCertificates.cshtml", rows, 100);
    }
}
