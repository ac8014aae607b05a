using ContestSite.Core.Judging;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>A person who may judge: holds judging.review through a role, with their profile when they wrote one.</summary>
public sealed record JudgeInfo(string UserId, string Name, string Email, string? Organization, IReadOnlyList<string> Tags, bool Withdrawn);

/// <summary>
/// The committee: everyone whose roles grant <see cref="JudgingPermissions.Review"/> (never a role name), and
/// the conflicts that keep a judge from an entry — declared ones and those proposed by organization.
/// </summary>
public sealed class JudgePool(ContestDbContext db, PermissionRegistry registry)
{
    public async Task<List<JudgeInfo>> JudgesAsync(CancellationToken cancellationToken = default)
    {
        var granting = registry.Granting(JudgingPermissions.Review).ToList();
        var roleIds = db.RoleClaims.Where(c => c.ClaimType == PermissionPolicies.ClaimType && granting.Contains(c.ClaimValue!)).Select(c => c.RoleId);
        var users = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var profiles = await db.JudgeProfiles.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        return users.Select(u =>
        {
            var profile = profiles.GetValueOrDefault(u.Id);
            return new JudgeInfo(u.Id, u.DisplayName, u.Email ?? "", profile?.Organization, profile?.Tags ?? [], profile?.WithdrawnAt is not null);
        }).ToList();
    }

    /// <summary>Every (judge, entry) pair of the round that must not be assigned: declared, or proposed by a shared organization.</summary>
    public async Task<HashSet<(string JudgeId, int EntryId)>> ConflictsAsync(int roundId, IReadOnlyList<JudgeInfo> judges, CancellationToken cancellationToken = default)
    {
        var declared = await db.ConflictDeclarations.AsNoTracking()
            .Where(c => db.Submissions.Any(s => s.Id == c.SubmissionId && s.RoundId == roundId))
            .Select(c => new { c.JudgeUserId, c.SubmissionId }).ToListAsync(cancellationToken);
        var conflicts = declared.Select(c => (c.JudgeUserId, c.SubmissionId)).ToHashSet();
        foreach (var (entryId, organizations) in await TeamOrganizationsAsync(roundId, null, cancellationToken))
            foreach (var judge in judges)
                if (organizations.Any(o => ConflictProposals.SameOrganization(judge.Organization, o))) conflicts.Add((judge.UserId, entryId));
        return conflicts;
    }

    /// <summary>Per entry of the round: the team's organization and its members' organizations.</summary>
    public async Task<Dictionary<int, List<string>>> TeamOrganizationsAsync(int roundId, int? submissionId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Submissions.AsNoTracking().Where(s => s.RoundId == roundId && (submissionId == null || s.Id == submissionId))
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { s.Id, t.OrganizationName, Members = t.Members.Select(m => m.Organization).ToList() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Members.Append(r.OrganizationName).ToList());
    }
}
