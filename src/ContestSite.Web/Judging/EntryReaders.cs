using System.Security.Claims;
using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>Someone who may read an entry's judging material: one of its judges, or an organizer.</summary>
/// <param name="AsOrganizer">False when they read it as a judge assigned to it (and not conflicted).</param>
public sealed record EntryReader(string UserId, Round Round, Submission Submission, bool AsOrganizer);

/// <summary>
/// Who may read an entry's proposal inline and its discussion: a judge through <see cref="JudgeAccess"/> (assigned,
/// not conflicted, finalised entry), or an organizer (who manages judging). Anyone else, teams included, gets null.
/// </summary>
public sealed class EntryReaders(ContestDbContext db, JudgeAccess access, IAuthorizationService authorization)
{
    public async Task<EntryReader?> FindAsync(ClaimsPrincipal user, int submissionId, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        if (await MayAsync(user, JudgingPermissions.Review) && await access.FindAsync(userId, submissionId, cancellationToken) is { } entry)
            return new EntryReader(userId, entry.Round, entry.Submission, AsOrganizer: false);
        if (!await MayAsync(user, JudgingPermissions.Manage)) return null;
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.Status == SubmissionStatus.Finalised, cancellationToken);
        if (submission is null) return null;
        var round = await db.Rounds.AsNoTracking().Include(r => r.Criteria.OrderBy(c => c.SortOrder)).SingleAsync(r => r.Id == submission.RoundId, cancellationToken);
        return new EntryReader(userId, round, submission, AsOrganizer: true);
    }

    private async Task<bool> MayAsync(ClaimsPrincipal user, string permission) =>
        (await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + permission)).Succeeded;
}
