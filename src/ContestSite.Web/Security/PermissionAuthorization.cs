using System.Collections.Concurrent;
using ContestSite.Core.Security;
using ContestSite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Security;

/// <summary>Asks for a permission by name: <c>[RequirePermission(AccountPermissions.ManageUsers)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicies.Prefix + permission);

public static class PermissionPolicies
{
    public const string Prefix = "permission:";
    public const string ClaimType = "permission";

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Prefix + permission);
}

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Turns a policy name <c>permission:X</c> into a policy that asks for permission X.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    // A permission's policy never changes (who holds it is decided by the handler), so each is built once.
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> permissionPolicies = new(StringComparer.Ordinal);

    /// <summary>Lets the authorization middleware keep each endpoint's combined policy instead of asking on every request.</summary>
    public override bool AllowsCachingPolicies => true;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(PermissionPolicies.Prefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return permissionPolicies.GetOrAdd(policyName, name => new AuthorizationPolicyBuilder()
            .AddRequirements(new PermissionRequirement(name[PermissionPolicies.Prefix.Length..]))
            .Build());
    }
}

/// <summary>
/// A signed-in user holds the permissions of their roles (as role claims in their cookie); everybody,
/// signed in or not, also holds those of the Anonymous role.
/// </summary>
public sealed class PermissionHandler(PermissionRegistry registry, AnonymousPermissions anonymous) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var granting = registry.Granting(requirement.Permission);
        if (context.User.Identity?.IsAuthenticated == true
            && context.User.Claims.Any(c => c.Type == PermissionPolicies.ClaimType && granting.Contains(c.Value)))
        {
            context.Succeed(requirement);
            return;
        }
        var anonymousPermissions = await anonymous.GetAsync();
        if (granting.Overlaps(anonymousPermissions)) context.Succeed(requirement);
    }
}

/// <summary>The Anonymous role's permissions, cached briefly; an edit of the role clears the cache.</summary>
public sealed class AnonymousPermissions(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private const string CacheKey = "permissions:anonymous";
    private static readonly string AnonymousNormalized = BuiltInRoles.Anonymous.ToUpperInvariant();

    public async Task<IReadOnlySet<string>> GetAsync()
    {
        return (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
            var names = await db.RoleClaims
                .Where(c => c.ClaimType == PermissionPolicies.ClaimType
                    && db.Roles.Any(r => r.Id == c.RoleId && r.NormalizedName == AnonymousNormalized))
                .Select(c => c.ClaimValue!)
                .ToListAsync();
            return (IReadOnlySet<string>)names.ToHashSet(StringComparer.Ordinal);
        }))!;
    }

    public void Forget() => cache.Remove(CacheKey);
}

public static class BuiltInRoles
{
    public const string Organizer = "Organizer";
    public const string Judge = "Judge";
    public const string Contestant = "Contestant";
    public const string Anonymous = "Anonymous";
    public static readonly string[] All = [Organizer, Judge, Contestant, Anonymous];

    /// <summary>The role as people read it (a localization key): built-in roles have Chinese names; roles organizers made keep theirs.</summary>
    public static string DisplayName(string role) => role switch
    {
        Organizer => "组织者",
        Judge => "评委",
        Contestant => "参赛者",
        Anonymous => "访客",
        _ => role,
    };
}
