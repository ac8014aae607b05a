using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class RegistrationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_registers_confirms_by_the_mailed_link_signs_in_switches_to_English_and_signs_out()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        var page = await browser.NewPageAsync();
        const string email = "li.na@example.com";
        const string password = "Journey-pass-2020";
        const string displayName = "数据小李";

        // The Chinese home page, at desktop and phone width.
        await page.GotoAsync(root.ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("浙江省数据开放创新应用大赛");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "首页" })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(page, "home-zh");

        // Register: email, password and display name only.
        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/account/register").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "注册账号" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "register-zh");
        await page.GetByLabel("昵称").FillAsync(displayName);
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("确认密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/account/login").ToString());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"我们已向 {email} 发送确认邮件");

        // The confirmation mail arrives at the SMTP server; its link confirms the address in the browser.
        var mail = await site.Smtp.WaitForAsync(email);
        var link = MailLinks.FirstLocalLink(mail);
        Assert.StartsWith("/account/confirm-email?", link);
        await page.GotoAsync(new Uri(root, link).ToString());
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("邮箱已确认，现在可以登录了。");

        // Signed in, the header shows the display name and the sign-out button.
        await page.SignInAsync(site, email, password);
        var header = page.Locator("header");
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = displayName })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        // The footer's language switch turns the page into English and the choice sticks.
        var footer = page.Locator("footer");
        await footer.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(root.ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(footer.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(footer.GetByRole(AriaRole.Button, new() { Name = "中文" })).ToHaveAttributeAsync("aria-pressed", "false");
        const string signOut = "Sign out";
        const string home = "Home";
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = home, Exact = true })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = displayName })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(page, "home-en");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // Signing out leaves the visitor on the home page with the sign-in link back.
        await header.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(root.ToString());
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = displayName })).ToHaveCountAsync(0);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
