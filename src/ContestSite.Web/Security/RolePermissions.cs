using System.Security.Claims;
using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ContestSite.Web.Security;

/// <summary>A role's permissions are its claims of type <c>permission</c>.</summary>
public static class RolePermissions
{
    public static async Task<IReadOnlySet<string>> GetAsync(RoleManager<SiteRole> roles, SiteRole role) =>
        (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionPolicies.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    public static async Task SetAsync(RoleManager<SiteRole> roles, SiteRole role, IReadOnlySet<string> wanted)
    {
        var current = await GetAsync(roles, role);
        foreach (var removed in current.Except(wanted))
            await roles.RemoveClaimAsync(role, new Claim(PermissionPolicies.ClaimType, removed));
        foreach (var added in wanted.Except(current))
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, added));
    }
}
