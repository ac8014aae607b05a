using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

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
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    [Theory]
    [InlineData("/")]
    [InlineData("/account/register")]
    [InlineData("/account/login")]
    [InlineData("/announcements")]
    public async Task A_public_page_has_no_serious_or_critical_axe_violations(string path)
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(new Uri(axeSite.Site.RootUri!, path).ToString());
        Assert.Equal(200, response?.Status);

        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        Assert.True(blocking.Count == 0, $"axe found on {path}:\n" + Describe(blocking));
        await page.Context.CloseAsync();
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));
}
