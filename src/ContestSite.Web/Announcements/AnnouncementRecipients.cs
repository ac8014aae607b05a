using ContestSite.Core.Announcements;
using ContestSite.Core.Teams;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

public sealed record Recipient(string Email, string? Name, string Culture);

/// <summary>Who an announcement's audience is, at the moment its mail is queued.</summary>
public sealed class AnnouncementRecipients(ContestDbContext db)
{
    private static readonly string JudgeRole = BuiltInRoles.Judge.ToUpperInvariant();

    public async Task<IReadOnlyList<Recipient>> ForAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var userIds = announcement.Audience switch
        {
            AnnouncementAudience.AllContestants => await TeamMemberIdsAsync(null, cancellationToken),
            AnnouncementAudience.Track => await TeamMemberIdsAsync(announcement.AudienceTrackId, cancellationToken),
            // The built-in Judge role is the expert committee itself, so it names the audience (not a permission check).
            AnnouncementAudience.Judges => await db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == JudgeRole))
                .Select(ur => ur.UserId).ToListAsync(cancellationToken),
            _ => [],
        };
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
        return people.DistinctBy(p => p.Email!.ToUpperInvariant()).OrderBy(p => p.Email, StringComparer.Ordinal)
            .Select(p => new Recipient(p.Email!, p.DisplayName, p.PreferredCulture)).ToList();
    }

    private async Task<List<string>> TeamMemberIdsAsync(int? trackId, CancellationToken cancellationToken)
    {
        var contestId = await db.Contests.OrderByDescending(c => c.IsCurrent).ThenByDescending(c => c.Year).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (contestId is null) return [];
        var teams = db.Teams.Where(t => t.ContestId == contestId && t.Status != TeamStatus.Withdrawn && t.Status != TeamStatus.Disqualified);
        if (trackId is { } track) teams = teams.Where(t => t.TrackId == track);
        return await db.TeamMembers.Where(m => teams.Any(t => t.Id == m.TeamId)).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
    }
}
