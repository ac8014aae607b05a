using System.Security.Claims;
using ContestSite.Data;
using ContestSite.Web.Home;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Judging;

/// <summary>Judges are taken from the home page straight to their reviews, told how many still wait.</summary>
public sealed class JudgingCallsToAction(ContestDbContext db, IAuthorizationService authorization) : ICallToActionProvider
{
    public async Task<IEnumerable<CallToAction>> ForAsync(ClaimsPrincipal user, int? contestId, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return [];
        var judge = await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + JudgingPermissions.Review);
        if (!judge.Succeeded) return [];
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var assigned = await db.Assignments.AnyAsync(a => a.JudgeUserId == userId, cancellationToken);
        return [new("进入我的评审", "/judging", 5, Primary: assigned)];
    }
}
