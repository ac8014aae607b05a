namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>
/// One site for all the tests of a class (an xunit class fixture), for tests that only read or that each work with
/// accounts and records of their own: booting a site costs more than most tests. Tests of the class that change what
/// the others see (site-wide settings, roles, the clock) keep a site of their own. A class whose tests share more
/// than the default site (another moment of the contest, records made once) derives from it.
/// </summary>
public class SharedSite : IAsyncLifetime
{
    private SiteFactory? _site;

    public SiteFactory Site => _site ?? throw new InvalidOperationException("The shared site has not started");

    /// <summary>Starts the site the tests share and makes what they all read.</summary>
    protected virtual Task<SiteFactory> StartAsync() => SiteFactory.CreateAsync();

    public async Task InitializeAsync() => _site = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }
}

/// <summary>
/// One site per database provider for all the tests of a class, started when a test first asks for it: for theory
/// rows that run on both providers and each work with accounts and records of their own, so a class pays for one
/// PostgreSQL site instead of one per row. Rows that prove what one provider does under contention keep a site of their own.
/// </summary>
public class SharedSites : IAsyncLifetime
{
    private readonly Dictionary<TestProvider, Lazy<Task<SiteFactory>>> _sites = [];
    private readonly Lock _lock = new();

    /// <summary>Starts the site of <paramref name="provider"/> the tests share.</summary>
    protected virtual Task<SiteFactory> StartAsync(TestProvider provider) => SiteFactory.CreateAsync(provider);

    public Task<SiteFactory> ForAsync(TestProvider provider)
    {
        lock (_lock)
        {
            if (!_sites.TryGetValue(provider, out var site)) _sites[provider] = site = new Lazy<Task<SiteFactory>>(() => StartAsync(provider));
            return site.Value;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var site in _sites.Values)
        {
            // A site that failed to start has nothing to dispose; its test has already failed with the reason.
            if (site.Value is { IsCompletedSuccessfully: true } started) await (await started).DisposeAsync();
        }
    }
}
