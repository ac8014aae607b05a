using System.Threading.RateLimiting;
using ContestSite.Web.Throttling;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Accounts;

/// <summary>
/// The wrong passwords one client address may spend on one account (see <see cref="LockoutOptions"/>): one fewer than
/// the lockout needs, per window, on the site's clock. Only wrong passwords are spent, so signing in is never limited by it.
/// Kept in this node's memory, like the throttle.
/// </summary>
public sealed class ClientFailureBudget(IOptions<LockoutOptions> options, TimeProvider clock) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _budgets = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.Get(key, _ => new ClockWindowLimiter(options.Value.MaxFailedAttempts - 1, options.Value.ClientFailureWindow, clock)));

    /// <summary>How long until <paramref name="client"/> may try <paramref name="account"/> again, or null while it has budget left.</summary>
    public TimeSpan? WaitFor(string client, string account)
    {
        using var lease = _budgets.AttemptAcquire(Key(client, account), 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.ClientFailureWindow;
    }

    public void Spend(string client, string account) => _budgets.AttemptAcquire(Key(client, account)).Dispose();

    private static string Key(string client, string account) => client + "|" + account.Trim().ToUpperInvariant();

    public void Dispose() => _budgets.Dispose();
}
