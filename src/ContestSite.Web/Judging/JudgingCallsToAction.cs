using System.Security.Claims;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Home;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>Judges are taken from the home page straight to their reviews; teams whose results are published, to their results.</summary>
public sealed class JudgingCallsToAction(ContestDbContext db, IAuthorizationService authorization) : ICallToActionProvider
{
    public async Task<IEnumerable<CallToAction>> ForAsync(ClaimsPrincipal user, int? contestId, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return [];
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var actions = new List<CallToAction>();
        if (await TeamHasResultsAsync(userId, contestId, cancellationToken)) actions.Add(new("查看我的团队成绩", "/results/team", 4, Primary: true));
        var judge = await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + JudgingPermissions.Review);
        if (!judge.Succeeded) return actions;
        var assigned = await db.Assignments.AnyAsync(a => a.JudgeUserId == userId, cancellationToken);
        actions.Add(new("进入我的评审", "/judging", 5, Primary: assigned));
        return actions;
    }

    /// <summary>Whether a round of the contest has published results and the person's team had a finalised entry in it.</summary>
    private Task<bool> TeamHasResultsAsync(string userId, int? contestId, CancellationToken cancellationToken)
    {
        if (contestId is null) return Task.FromResult(false);
        return db.ResultsPublications.AnyAsync(p => (p.Status == ResultsStatus.Provisional || p.Status == ResultsStatus.Final)
            && db.Rounds.Any(r => r.Id == p.RoundId && r.ContestId == contestId)
            && db.Submissions.Any(s => s.RoundId == p.RoundId && s.Status == SubmissionStatus.Finalised
                && db.TeamMembers.Any(m => m.TeamId == s.TeamId && m.UserId == userId)), cancellationToken);
    }
}
