using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_organizer_signs_in_the_first_time_sets_up_an_authenticator_and_then_signs_in_with_a_code()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        var page = await browser.NewPageAsync();

        // The password alone leads to the enrolment page, whatever page was asked for.
        await page.GotoAsync(new Uri(root, "/account/login?returnUrl=%2Fadmin").ToString());
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync(SiteFactory.OrganizerEmail);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(SiteFactory.OrganizerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/account/two-factor?returnUrl=%2Fadmin").ToString());
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "身份验证器二维码，内容与下面的密钥相同" })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(page, "two-factor-enrolment");
        await page.AssertNoSeriousViolationsAsync("the authenticator enrolment page");

        // The key as text is enough for an app; the code it shows turns the second factor on.
        var key = (await page.Locator("code.authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("输入应用显示的 6 位验证码以完成设置").FillAsync(Authenticator.CodeAt(key, site.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        await Expect(page.Locator("ul.recovery-codes li")).ToHaveCountAsync(10);
        await page.AssertNoSeriousViolationsAsync("the recovery codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "我已保存恢复码，继续" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/admin").ToString());
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();

        // The next sign-in asks for the code on a second page.
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.GotoAsync(new Uri(root, "/account/login").ToString());
        await page.GetByLabel("邮箱", new() { Exact = true }).FillAsync(SiteFactory.OrganizerEmail);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(SiteFactory.OrganizerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login/code$"));
        await page.AssertNoSeriousViolationsAsync("the code step of signing in");
        await Screenshots.TakeAsync(page, "two-factor-code");
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(Authenticator.CodeAt(key, site.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(root.ToString());
        await page.Context.CloseAsync();
    }
}
