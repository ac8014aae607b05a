using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Admin;

/// <summary>The organizer pages whose words were codes (roles, audit actions, sizes) read in words, pass axe and fit a phone, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TranslatedAdminPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Roles_users_the_audit_log_the_risk_page_and_the_stats_read_in_words_pass_axe_and_fit_a_phone()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        var main = page.GetByRole(AriaRole.Main);

        await Open(page, site, "/admin/roles");
        await Expect(main).ToContainTextAsync("组织者");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = "Organizer", Exact = true })).ToHaveCountAsync(0);
        await CheckAsync(page, "admin-roles");
        await Open(page, site, "/admin/users");
        await Expect(main.Locator("td", new() { HasText = "组织者" })).Not.ToHaveCountAsync(0);
        await CheckAsync(page, "admin-users");
        await Open(page, site, "/admin/audit");
        await Expect(main.Locator("td", new() { HasText = "登录" })).Not.ToHaveCountAsync(0);
        await CheckAsync(page, "admin-audit");
        await Open(page, site, "/admin/data-risk");
        await Expect(main).ToContainTextAsync("2 GB");
        await CheckAsync(page, "admin-data-risk");
        await Open(page, site, "/datasets/stats");
        await CheckAsync(page, "datasets-stats");

        await Open(page, site, "/admin/audit?culture=en-US");
        await Expect(main.Locator("td", new() { HasText = "Sign in" })).Not.ToHaveCountAsync(0);
        await CheckAsync(page, "admin-audit-en");
        await Open(page, site, "/admin/roles?culture=en-US");
        await Expect(main).ToContainTextAsync("Organizer");
        await Expect(main).Not.ToContainTextAsync("组委会");
        await CheckAsync(page, "admin-roles-en");
        await page.Context.CloseAsync();
    }

    private static async Task Open(IPage page, SiteFactory site, string path)
    {
        var response = await page.GotoAsync(new Uri(site.RootUri!, path).ToString());
        Assert.True(response?.Ok, $"{path} answered {response?.Status}");
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.AssertNoSeriousViolationsAsync(name);
        await Screenshots.TakeDesktopAndMobileAsync(page, name);
    }
}
