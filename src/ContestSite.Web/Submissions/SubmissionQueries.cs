using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>
/// Where a person stands for one round: the round, their team (with members), the team's entry, and whether the
/// team may enter the round at all (<see cref="RoundEntrants"/>: the first round, or advanced into this one).
/// </summary>
public sealed record EntryContext(Round Round, Team Team, Submission? Submission, bool MayEnter);

/// <summary>The few ways entries are looked up, shared by pages, endpoints and use cases.</summary>
public static class SubmissionQueries
{
    /// <summary>Null when the round does not exist or the person has no team in its contest.</summary>
    public static async Task<EntryContext?> EntryForPersonAsync(this ContestDbContext db, int roundId, string userId, CancellationToken cancellationToken = default)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return null;
        var teamId = await db.TeamMembers.Where(m => m.ContestId == round.ContestId && m.UserId == userId)
            .Select(m => (int?)m.TeamId).FirstOrDefaultAsync(cancellationToken);
        if (teamId is null) return null;
        var team = await db.Teams.AsNoTracking().Include(t => t.Members).FirstAsync(t => t.Id == teamId, cancellationToken);
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == team.Id && s.RoundId == roundId, cancellationToken);
        return new EntryContext(round, team, submission, await db.MayEnterAsync(round, team.Id, cancellationToken));
    }

    public static Task<SubmissionVersion?> VersionAsync(this ContestDbContext db, int submissionId, int number, CancellationToken cancellationToken = default) =>
        db.SubmissionVersions.AsNoTracking().Include(v => v.Files.OrderBy(f => f.Kind).ThenBy(f => f.SortOrder)).Include(v => v.Datasets)
            .AsSplitQuery().FirstOrDefaultAsync(v => v.SubmissionId == submissionId && v.Number == number, cancellationToken);

    /// <summary>Uploads of the team for the round that finished their checks and wait for a save.</summary>
    public static Task<List<SubmissionUpload>> ReadyUploadsAsync(this ContestDbContext db, int teamId, int roundId, CancellationToken cancellationToken = default) =>
        db.SubmissionUploads.AsNoTracking()
            .Where(u => u.TeamId == teamId && u.RoundId == roundId && u.Status == SubmissionUploadStatus.Ready)
            .OrderBy(u => u.StartedAt).ToListAsync(cancellationToken);
}
