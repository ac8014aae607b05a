using System.Security.Claims;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Admin;

/// <summary>
/// The organizers' to-do list, gathered from every feature's <see cref="IOrganizerTaskSource"/>. Each person sees
/// only the tasks their permissions let them handle, and only those with something waiting.
/// </summary>
public sealed class OrganizerInbox(IEnumerable<IOrganizerTaskSource> sources, PermissionRegistry registry, ContestDbContext db)
{
    /// <summary>Every task with its count, 0 included (the digest compares counts with the last digest's).</summary>
    public async Task<IReadOnlyList<OrganizerTask>> AllAsync(CancellationToken cancellationToken = default)
    {
        var tasks = new List<OrganizerTask>();
        foreach (var source in sources) tasks.AddRange(await source.PendingAsync(cancellationToken));
        return tasks;
    }

    /// <summary>The tasks waiting for someone holding <paramref name="permissions"/>, urgent ones first.</summary>
    public IReadOnlyList<OrganizerTask> For(IEnumerable<OrganizerTask> tasks, IReadOnlySet<string> permissions) =>
        tasks.Where(t => t.Count > 0 && registry.Granting(t.Permission).Overlaps(permissions)).OrderByDescending(t => t.Urgent).ToList();

    public static IReadOnlySet<string> PermissionsOf(ClaimsPrincipal user) =>
        user.Claims.Where(c => c.Type == PermissionPolicies.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every enabled account with an address whose roles grant one of <paramref name="permissions"/>, with all the
    /// permissions its roles grant: the people a digest may go to.
    /// </summary>
    public async Task<IReadOnlyList<(string Email, string? Name, string Culture, IReadOnlySet<string> Permissions)>> PeopleHoldingAsync(
        IEnumerable<string> permissions, CancellationToken cancellationToken = default)
    {
        var granting = permissions.SelectMany(registry.Granting).Distinct().ToList();
        var rows = await (from ur in db.UserRoles
                          join c in db.RoleClaims on ur.RoleId equals c.RoleId
                          join u in db.Users on ur.UserId equals u.Id
                          where c.ClaimType == PermissionPolicies.ClaimType && u.Email != null && !u.IsDisabled
                          select new { u.Id, u.Email, u.DisplayName, u.PreferredCulture, Permission = c.ClaimValue! })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => (g.First().Email!, (string?)g.First().DisplayName, g.First().PreferredCulture, (IReadOnlySet<string>)g.Select(r => r.Permission).ToHashSet(StringComparer.Ordinal)))
            .Where(p => p.Item4.Overlaps(granting))
            .ToList();
    }
}
