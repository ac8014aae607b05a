using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Catalog;

[Collection(BrowserCollection.Name)]
public sealed class OpeningPerformanceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_organizer_opens_the_opening_performance_from_the_admin_menu_reads_both_tables_and_downloads_the_spreadsheet()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await page.GotoAsync(new Uri(site.RootUri!, "/admin").ToString());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "开放目录绩效" }).ClickAsync();
        await page.GetByLabel("年份").SelectOptionAsync("2019");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "开放目录绩效", Level = 1 })).ToBeVisibleAsync();
        var departments = page.GetByRole(AriaRole.Table, new() { Name = "省级部门（目标：每年 5 个）" });
        await Expect(departments.GetByRole(AriaRole.Row, new() { Name = "省卫生健康委" })).ToContainTextAsync("未达标");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "设区市（目标：每年 150 个）" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(12);
        await page.AssertNoSeriousViolationsAsync("/datasets/stats?year=2019");
        await Screenshots.TakeAsync(page, "opening-performance");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.Equal("opening-performance-2019.xlsx", download.SuggestedFilename);
        await page.Context.CloseAsync();
    }
}
