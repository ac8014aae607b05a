using System.Security.Claims;
using ContestSite.Data;
using ContestSite.Web.Home;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace ContestSite.Web.Teams;

/// <summary>Visitors are invited to register; contestants to form a team or to go to the one they are in.</summary>
public sealed class TeamCallsToAction(ContestDbContext db, IAuthorizationService authorization) : ICallToActionProvider
{
    public async Task<IEnumerable<CallToAction>> ForAsync(ClaimsPrincipal user, int? contestId, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
            return [new("注册账号，组队参赛", "/account/register", 10, Primary: true), new("登录", "/account/login", 20)];
        var participate = await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + TeamPermissions.Participate);
        if (!participate.Succeeded || contestId is null) return [];
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return await db.PersonHasTeamAsync(contestId.Value, userId)
            ? [new("进入我的团队", "/teams/mine", 10, Primary: true)]
            : [new("创建团队", "/teams/create", 10, Primary: true), new("加入团队", "/teams/mine", 20)];
    }
}
