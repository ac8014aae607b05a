using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Audit;

[Collection(BrowserCollection.Name)]
public sealed class AuditJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_organizer_opens_the_audit_log_filters_it_verifies_the_chain_and_reads_one_entry()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        using var scope = site.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditEvent("bundle.download", "bundle:1", "ok") { ActorName = "captain@example.com", TeamId = 1 });
        await audit.AppendAsync(new AuditEvent("bundle.refused", "bundle:1", "expired") { ActorName = "member@example.com", TeamId = 1 });
        var root = site.RootUri!;
        var page = await browser.NewPageAsync();
        await page.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

        await page.GotoAsync(new Uri(root, "/admin").ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/admin/audit").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审计日志", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("bundle.refused");
        await Screenshots.TakeDesktopAndMobileAsync(page, "admin-audit");
        await page.AssertNoSeriousViolationsAsync("/admin/audit");

        await page.GetByLabel("动作").FillAsync("bundle.*");
        await page.GetByLabel("处理结果").FillAsync("expired");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table).Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("member@example.com");

        await page.GetByRole(AriaRole.Button, new() { Name = "校验哈希链" }).ClickAsync();
        // The check runs in the background; the page reloads itself until it is done.
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("审计链完好", new() { Timeout = 20_000 });
        await Expect(page.GetByRole(AriaRole.Table).Locator("tbody tr")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "admin-audit-verified");

        await page.GetByRole(AriaRole.Table).Locator("tbody tr a").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("审计记录 #");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("member@example.com");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("相符");
        await Screenshots.TakeAsync(page, "admin-audit-entry");
        await page.AssertNoSeriousViolationsAsync("/admin/audit/{id}");
        await page.Context.CloseAsync();
    }
}
