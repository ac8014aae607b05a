using System.Security.Claims;
using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles;

/// <summary>The person asking for data: their id, their team in the current contest, and whether a risk flag holds them.</summary>
[ExtensionPoint]
public sealed record Requester(string? UserId, Team? Team, Downloader Downloader);

/// <summary>Looks up what <see cref="DataAccessPolicy"/> needs, from the signed-in user, on every request.</summary>
[ExtensionPoint]
public sealed class DataAccess(ContestDbContext db, CurrentContest current)
{
    public async Task<Requester> WhoAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null) return new Requester(null, null, Downloader.Anonymous);
        var contest = await current.FindAsync(cancellationToken);
        Team? team = null;
        if (contest is not null)
        {
            team = await db.TeamMembers.Where(m => m.ContestId == contest.Id && m.UserId == userId)
                .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => t).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        }
        var teamId = team?.Id;
        var flagged = await db.RiskFlags.AnyAsync(f => f.ClearedAt == null && (f.UserId == userId || (teamId != null && f.TeamId == teamId)), cancellationToken);
        return new Requester(userId, team, new Downloader(true, teamId, team?.Status, flagged));
    }

    /// <summary>
    /// The open emergency stops, from the database on every call: a stop started on any node holds on every node at once.
    /// One small indexed read (open incidents are few).
    /// </summary>
    public async Task<DataStops> StopsAsync(CancellationToken cancellationToken = default) =>
        DataStops.Of(await db.DataIncidents.AsNoTracking().Where(i => i.LiftedAt == null).Select(i => i.DatasetId).ToListAsync(cancellationToken));

    /// <summary>Whether a stop covers one dataset now: asked again between the files of a bundle being streamed.</summary>
    public Task<bool> IsStoppedAsync(Guid datasetId, OpenType openType, CancellationToken cancellationToken = default) =>
        Incidents.DataStopLocks.IsStoppedAsync(db, datasetId, openType, cancellationToken);

    /// <summary>Whether the person captains the team: acts taken for the whole team (accepting the bundle terms) are the captain's.</summary>
    public Task<bool> IsCaptainAsync(int teamId, string? userId, CancellationToken cancellationToken = default) =>
        db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId && m.Role == TeamRole.Captain, cancellationToken);

    public async Task<List<AccessApplication>> ApplicationsAsync(int? teamId, Guid? datasetId = null, CancellationToken cancellationToken = default)
    {
        if (teamId is null) return [];
        var query = db.AccessApplications.AsNoTracking().Where(a => a.TeamId == teamId);
        if (datasetId is { } id) query = query.Where(a => a.DatasetId == id);
        return await query.OrderByDescending(a => a.SubmittedAt).ToListAsync(cancellationToken);
    }
}
