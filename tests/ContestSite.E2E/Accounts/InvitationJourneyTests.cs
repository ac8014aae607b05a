using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class InvitationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_organizer_invites_a_judge_on_the_judging_admin_and_the_judge_sets_a_password_from_the_mailed_link()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;

        // The organizer invites from 评审管理; the invitation is listed as pending.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin/judging").ToString());
        await organizer.GetByLabel("邮箱地址", new() { Exact = true }).FillAsync("judge.wang@example.com");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin/judging").ToString());
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("已发出 1 份邀请");
        await Expect(organizer.GetByRole(AriaRole.Row).Filter(new() { HasText = "judge.wang@example.com" })).ToContainTextAsync("待接受");
        await organizer.AssertNoSeriousViolationsAsync("the judging admin page with an invitation");
        await organizer.GotoAsync(new Uri(root, "/admin/invitations").ToString());
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "staff-invitations");
        await organizer.AssertNoSeriousViolationsAsync("the staff invitations page");

        // The judge follows the mailed link, sets a name and a password, and is taken to set up the authenticator.
        var mail = await site.Smtp.WaitForAsync("judge.wang@example.com");
        var judge = await browser.NewPageAsync();
        await judge.GotoAsync(new Uri(root, MailLinks.FirstLocalLink(mail)).ToString());
        await Expect(judge.GetByRole(AriaRole.Heading, new() { Name = "接受邀请" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(judge, "invitation-accept");
        await judge.AssertNoSeriousViolationsAsync("the invitation page");
        await judge.GetByLabel("昵称").FillAsync("王评委");
        await judge.GetByLabel("密码", new() { Exact = true }).FillAsync("Judge-pass-2020");
        await judge.GetByLabel("确认密码").FillAsync("Judge-pass-2020");
        await judge.GetByRole(AriaRole.Button, new() { Name = "创建账号并接受邀请" }).ClickAsync();
        await Expect(judge).ToHaveURLAsync(new Regex("/account/two-factor\\?returnUrl=%2Fjudging%2Fprofile$"));
    }
}
