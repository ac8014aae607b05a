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
