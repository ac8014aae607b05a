using ContestSite.Core.Security;

namespace ContestSite.Web.Security;

/// <summary>A feature lists the permissions it owns by registering one of these.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> Permissions { get; }
}

/// <summary>Every permission of every feature, by name.</summary>
public sealed class PermissionRegistry(IEnumerable<IPermissionProvider> providers)
{
    private readonly Dictionary<string, Permission> _byName =
        providers.SelectMany(p => p.Permissions).ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<Permission> All => _byName.Values;
    public bool Exists(string name) => _byName.ContainsKey(name);
    public Permission? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The permission itself and every permission that implies it, directly or not.</summary>
    public IReadOnlySet<string> Granting(string name)
    {
        var granting = new HashSet<string>(StringComparer.Ordinal) { name };
        var queue = new Queue<string>([name]);
        while (queue.TryDequeue(out var current))
            foreach (var implied in _byName.GetValueOrDefault(current)?.ImpliedBy ?? [])
                if (granting.Add(implied)) queue.Enqueue(implied);
        return granting;
    }
}

public static class PermissionServiceCollectionExtensions
{
    public static IServiceCollection AddPermissions<TProvider>(this IServiceCollection services)
        where TProvider : class, IPermissionProvider
    {
        services.AddSingleton<IPermissionProvider, TProvider>();
        return services;
    }
}
