using System.Security.Claims;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>
/// Adds the display name and the account's version to the sign-in cookie; role claims (the permissions) come from the
/// base. The version (Identity's concurrency stamp, new at every change of the account, its roles included) lets the
/// session check rebuild the cookie on the very next request after a role is granted or removed.
/// </summary>
public sealed class SiteClaimsPrincipalFactory(UserManager<SiteUser> users, RoleManager<SiteRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SiteUser, SiteRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string AccountVersionClaim = "account_version";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SiteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(AccountVersionClaim, user.ConcurrencyStamp ?? ""));
        return identity;
    }
}
