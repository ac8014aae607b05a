using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;

namespace ContestSite.E2E.Accessibility;

/// <summary>The one site the accessibility checks look at, started once for all of them.</summary>
public sealed class AxeSite : IAsyncLifetime
{
    public SiteFactory Site { get; private set; } = null!;
    public async Task InitializeAsync() => Site = await SiteFactory.CreateAsync(realPort: true);
    public async Task DisposeAsync() => await Site.DisposeAsync();
}

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, AxeSite axeSite) : IClassFixture<AxeSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/register")]
    [InlineData("/account/login")]
    [InlineData("/announcements")]
    [InlineData("/announcements?category=规则")]
    [InlineData("/datasets")]
    [InlineData("/results")]
    public async Task A_public_page_has_no_serious_or_critical_axe_violations(string path)
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(new Uri(axeSite.Site.RootUri!, path).ToString());
        Assert.Equal(200, response?.Status);

        await page.AssertNoSeriousViolationsAsync(path);
        await page.Context.CloseAsync();
    }
}
