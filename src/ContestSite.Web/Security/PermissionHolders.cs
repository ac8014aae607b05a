using ContestSite.Data;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Security;

/// <summary>The people an alert or a request to act goes to.</summary>
public static class PermissionHolders
{
    /// <summary>
    /// The people who may act on something now: enabled accounts with an email whose roles grant the permission
    /// or one that implies it (the same reading as the permission checks), for mail that asks them to act.
    /// </summary>
    public static Task<List<SiteUser>> EnabledUsersWhoMayAsync(this ContestDbContext db, PermissionRegistry registry, string permission,
        CancellationToken cancellationToken = default)
    {
        var granting = registry.Granting(permission).ToList();
        var roleIds = db.RoleClaims.Where(c => c.ClaimType == PermissionPolicies.ClaimType && granting.Contains(c.ClaimValue!)).Select(c => c.RoleId);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null && !u.IsDisabled).OrderBy(u => u.Email).ToListAsync(cancellationToken);
    }
}
