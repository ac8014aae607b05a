using System.Security.Claims;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>Adds the display name to the sign-in cookie; role claims (the permissions) come from the base.</summary>
public sealed class SiteClaimsPrincipalFactory(UserManager<SiteUser> users, RoleManager<SiteRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SiteUser, SiteRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SiteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
