using ContestSite.Core.Bundles;
using ContestSite.Core.Teams;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Bundles.CloseOuts;

/// <summary>What a close-out is about: the files the team received, the captain, the end of each contest.</summary>
public sealed class CloseOutQueries(ContestDbContext db)
{
    /// <summary>
    /// The files of the dataset the team was sent (on their own or in a bundle; refusals are not receipts) from the
    /// application's submission to the approval's end, each with the first time and who received it. Files received under a later
    /// approval belong to that approval's own close-out.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedFile>> ReceivedAsync(int teamId, Guid datasetId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await db.DownloadRecords.AsNoTracking()
            .Where(r => r.TeamId == teamId && r.DatasetId == datasetId && r.ResourceId != null && !r.Refused && r.At >= from && r.At <= to)
            .Select(r => new { ResourceId = r.ResourceId!.Value, r.At, r.UserId }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return [];
        var firsts = rows.GroupBy(r => r.ResourceId).Select(g => g.OrderBy(r => r.At).First()).ToList();
        var ids = firsts.Select(f => f.ResourceId).ToList();
        var names = await db.DatasetResources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.FileName, cancellationToken);
        var userIds = firsts.Select(f => f.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return firsts.OrderBy(f => f.At)
            .Select(f => new ReceivedFile(f.ResourceId, names.GetValueOrDefault(f.ResourceId) ?? $"#{f.ResourceId}", f.At, people.GetValueOrDefault(f.UserId) ?? f.UserId))
            .ToList();
    }

    public async Task<IReadOnlyList<ReceivedFile>> ReceivedAsync(CloseOut closeOut, CancellationToken cancellationToken)
    {
        // From the submission (a revocation overwrites DecidedAt): nothing of the dataset is served to the team between it and the approval.
        var submittedAt = await db.AccessApplications.AsNoTracking().Where(a => a.Id == closeOut.ApplicationId).Select(a => a.SubmittedAt).SingleAsync(cancellationToken);
        return await ReceivedAsync(closeOut.TeamId, closeOut.DatasetId, submittedAt, closeOut.EndedAt, cancellationToken);
    }

    /// <summary>The end of each contest: the close of its last round's review (大赛已结束 from then on).</summary>
    public async Task<Dictionary<int, DateTimeOffset>> ContestEndsAsync(CancellationToken cancellationToken)
    {
        // Read whole (a handful of rounds) and taken the latest here: SQLite cannot take MAX of a stored DateTimeOffset.
        var rounds = await db.Rounds.AsNoTracking().Select(r => new { r.ContestId, r.ReviewClosesAt }).ToListAsync(cancellationToken);
        return rounds.GroupBy(r => r.ContestId).ToDictionary(g => g.Key, g => g.Max(r => r.ReviewClosesAt));
    }

    public Task<List<Person>> MembersAsync(int teamId, bool captainOnly, CancellationToken cancellationToken) =>
        db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId && (!captainOnly || m.Role == TeamRole.Captain))
            .Join(db.Users.Where(u => u.Email != null && !u.IsDisabled), m => m.UserId, u => u.Id, (m, u) => new Person(u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
}

public sealed record Person(string Email, string Name, string Culture);
