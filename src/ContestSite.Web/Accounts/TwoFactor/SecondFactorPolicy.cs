using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts.TwoFactor;

/// <summary>
/// 等保 2.0 asks administrators for two factors: organizers and judges hold the keys to restricted data and to results,
/// so members of those roles must use an authenticator. Contestants may and are never made to (the plan forbids
/// forcing repeated or specific verification on the public).
/// </summary>
public static class SecondFactorPolicy
{
    public static readonly string[] RequiredForRoles = [BuiltInRoles.Organizer, BuiltInRoles.Judge];
    private static readonly string[] RequiredNormalized = RequiredForRoles.Select(r => r.ToUpperInvariant()).ToArray();

    /// <summary>Whether the account is in a role that requires an authenticator.</summary>
    public static Task<bool> IsRequiredAsync(this ContestDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && RequiredNormalized.Contains(r.NormalizedName)), cancellationToken);

    /// <summary>Whether the account is in such a role and has no authenticator yet: one query, asked on every signed-in request.</summary>
    public static Task<bool> OwesEnrolmentAsync(this ContestDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.Id == userId && !u.TwoFactorEnabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && RequiredNormalized.Contains(r.NormalizedName))), cancellationToken);
}

/// <summary>
/// Whether the staff second factor is in force on this site: always outside Development (the settings refuse to start
/// otherwise); in Development only when <c>ContestSite__Accounts__RequireStaffSecondFactor</c> is true, so a newcomer
/// trying the demo can sign in as an organizer or a judge without an authenticator app.
/// </summary>
public sealed class StaffSecondFactor(IOptions<SiteOptions> options, IHostEnvironment environment)
{
    public bool Required { get; } = options.Value.Accounts.RequireStaffSecondFactor ?? !environment.IsDevelopment();
}
