using System.Security.Claims;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>
/// Who may invite to which role: anyone who manages users may invite to any role; an organizer who manages judging
/// (without managing users) may invite judges only. Resending and revoking follow the same rule.
/// </summary>
public static class InvitationRoles
{
    public static async Task<bool> MayManageAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string role) =>
        await HasAsync(authorization, user, AccountPermissions.ManageUsers)
        || (role == BuiltInRoles.Judge && await HasAsync(authorization, user, Judging.JudgingPermissions.Manage));

    /// <summary>Null: every role; otherwise the only roles this person may invite to.</summary>
    public static async Task<IReadOnlyList<string>?> LimitedToAsync(this IAuthorizationService authorization, ClaimsPrincipal user) =>
        await HasAsync(authorization, user, AccountPermissions.ManageUsers) ? null
        : await HasAsync(authorization, user, Judging.JudgingPermissions.Manage) ? [BuiltInRoles.Judge]
        : [];

    /// <summary>The role as people read it; the built-in roles have Chinese names, roles organizers made keep theirs.</summary>
    public static string Label(string role) => BuiltInRoles.DisplayName(role);

    private static async Task<bool> HasAsync(IAuthorizationService authorization, ClaimsPrincipal user, string permission) =>
        (await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + permission)).Succeeded;
}
