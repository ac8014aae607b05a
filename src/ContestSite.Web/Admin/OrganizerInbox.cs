using System.Security.Claims;
using ContestSite.Web.Security;

namespace ContestSite.Web.Admin;

/// <summary>
/// The organizers' to-do list, gathered from every feature's <see cref="IOrganizerTaskSource"/>. Each person sees
/// only the tasks their permissions let them handle, and only those with something waiting.
/// </summary>
public sealed class OrganizerInbox(IEnumerable<IOrganizerTaskSource> sources, PermissionRegistry registry)
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
}
