using ContestSite.Data;
using ContestSite.Data.Accounts;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>
/// 等保 2.0 asks administrators for two factors: organizers and judges hold the keys to restricted data and to results,
/// so members of those roles must use an authenticator, and so must members of any role holding a right the public
/// does not hold (<see cref="ContestSite.Core.Security.Permission.HeldByThePublic"/>): a custom role made with
/// organizer rights cannot skip it. Contestants may and are never made to (the plan forbids forcing repeated or
/// specific verification on the public).
/// </summary>
public sealed class SecondFactorPolicy(ContestDbContext db, PermissionRegistry permissions, StaffSecondFactor staff)
{
    private static readonly string[] RequiredNormalized = [BuiltInRoles.Organizer.ToUpperInvariant(), BuiltInRoles.Judge.ToUpperInvariant()];

    private readonly string[] _staffPermissions = permissions.All.Where(p => !p.HeldByThePublic).Select(p => p.Name).ToArray();

    private IQueryable<SiteRole> RolesRequiringIt()
    {
        var staff = _staffPermissions;
        return db.Roles.Where(r => RequiredNormalized.Contains(r.NormalizedName)
            || db.RoleClaims.Any(c => c.RoleId == r.Id && c.ClaimType == PermissionPolicies.ClaimType && staff.Contains(c.ClaimValue!)));
    }

    /// <summary>Whether the account is in a role that requires an authenticator (none does while the staff second factor is off).</summary>
    public Task<bool> IsRequiredAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!staff.Required) return Task.FromResult(false);
        var roles = RolesRequiringIt();
        return db.UserRoles.AnyAsync(ur => ur.UserId == userId && roles.Any(r => r.Id == ur.RoleId), cancellationToken);
    }

    /// <summary>Whether the account is in such a role and has no authenticator yet: one query, asked on every signed-in request.</summary>
    public Task<bool> OwesEnrolmentAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!staff.Required) return Task.FromResult(false);
        var roles = RolesRequiringIt();
        return db.Users.AnyAsync(u => u.Id == userId && !u.TwoFactorEnabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && roles.Any(r => r.Id == ur.RoleId)), cancellationToken);
    }
}

/// <summary>
/// Whether the staff second factor is in force on this site: always outside Development (the settings refuse to start
/// otherwise); in Development only when <c>ContestSite__Accounts__RequireStaffSecondFactor</c> is true, so a newcomer
/// trying the demo can sign in as an organizer or a judge without an authenticator app. Published for the start-up
/// block, which says which applies.
/// </summary>
[ExtensionPoint]
public sealed class StaffSecondFactor(IOptions<SiteOptions> options, IHostEnvironment environment)
{
    public bool Required { get; } = options.Value.Accounts.RequireStaffSecondFactor ?? !environment.IsDevelopment();
}
