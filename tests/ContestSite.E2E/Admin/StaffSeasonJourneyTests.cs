using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Admin;

/// <summary>
/// Issue 18's journey: an organizer invites three judges by mail, they accept from the mailed links, are assigned and
/// mailed, discuss a disagreement and finish; the organizer's to-do list on /admin shows each step and empties.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSeasonJourneyTests(BrowserFixture browser)
{
    private const string JudgePassword = "Judge-pass-2020";
    private static readonly string[] Judges = ["judge.qian@example.com", "judge.sun@example.com", "judge.zhou@example.com"];

    [Fact]
    public async Task Three_invited_judges_accept_are_assigned_discuss_a_disagreement_and_finish_while_the_inbox_follows_and_empties()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        var roundId = await site.FirstRoundIdAsync();
        var entry = await site.EntryAsync("钱塘江水质预警");
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        async Task<ILocator> InboxAsync()
        {
            await organizer.GotoAsync(new Uri(root, "/admin").ToString());
            return organizer.Locator("section.inbox");
        }

        // The entry has no judges yet: the inbox says so and links to the round.
        var inbox = await InboxAsync();
        await Expect(inbox.Locator("[data-task='judging.short-of-judges']")).ToHaveTextAsync("评委不足的作品：1 件");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "admin-inbox");
        await organizer.AssertNoSeriousViolationsAsync("the admin inbox");

        // Three judges invited at once from 评审管理.
        await organizer.GotoAsync(new Uri(root, "/admin/judging").ToString());
        await organizer.GetByLabel("邮箱地址", new() { Exact = true }).FillAsync(string.Join("\n", Judges));
        await organizer.GetByRole(AriaRole.Button, new() { Name = "发送邀请" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("已发出 3 份邀请");
        inbox = await InboxAsync();
        await Expect(inbox.Locator("[data-task='accounts.invitations.judges']")).ToHaveTextAsync("评委邀请未接受：3");

        // Each accepts from the mailed link and is taken on to set up the authenticator.
        foreach (var (email, name) in Judges.Zip(["钱评委", "孙评委", "周评委"]))
        {
            var mail = await site.Smtp.WaitForAsync(email);
            var judge = await browser.NewPageAsync();
            await judge.GotoAsync(new Uri(root, MailLinks.FirstLocalLink(mail)).ToString());
            await judge.GetByLabel("昵称").FillAsync(name);
            await judge.GetByLabel("密码", new() { Exact = true }).FillAsync(JudgePassword);
            await judge.GetByLabel("确认密码").FillAsync(JudgePassword);
            await judge.GetByRole(AriaRole.Button, new() { Name = "创建账号并接受邀请" }).ClickAsync();
            await Expect(judge).ToHaveURLAsync(new Regex("/account/two-factor"));
            await judge.Context.CloseAsync();
        }
        inbox = await InboxAsync();
        await Expect(inbox.Locator("[data-task='accounts.invitations.judges']")).ToHaveCountAsync(0);
        await Expect(inbox.Locator("[data-task='judging.short-of-judges']")).ToHaveTextAsync("评委不足的作品：1 件");

        // One click assigns the three; each is mailed what, how many and until when.
        await organizer.GotoAsync(new Uri(root, $"/admin/judging/rounds/{roundId}").ToString());
        await organizer.GetByRole(AriaRole.Button, new() { Name = "一键分配" }).ClickAsync();
        foreach (var email in Judges)
        {
            var assigned = await site.Smtp.WaitForAsync(email, m => m.Subject?.Contains("评审任务") == true);
            Assert.Contains("共有 1 件作品需要评审", assigned.TextBody);
        }
        inbox = await InboxAsync();
        await Expect(inbox.Locator("[data-task='judging.short-of-judges']")).ToHaveCountAsync(0);

        // Two judges score high, one low: the entry is flagged and its discussion opens by itself.
        foreach (var (email, score) in Judges.Zip(["9", "9", "2"]))
        {
            await site.EnrolAuthenticatorIfRequiredAsync(email);
            using var client = await site.SignedInAsync(email, JudgePassword);
            await client.ScoreAsync(site, entry, "Submit", score, score, score, score, score);
        }
        var qian = await browser.NewPageAsync();
        await qian.SignInAsync(site, Judges[0], JudgePassword);
        await qian.GotoAsync(new Uri(root, $"/judging/entries/{entry}/discussion").ToString());
        await qian.GetByLabel("留言（支持 Markdown，最多 4000 字）").FillAsync("两位评委给了 9 分，请打 2 分的评委说明**数据应用**的问题。");
        await qian.GetByRole(AriaRole.Button, new() { Name = "发表留言" }).ClickAsync();
        await Expect(qian.GetByRole(AriaRole.Status)).ToHaveTextAsync("留言已发表，并已通知讨论中的其他人。");
        var note = await site.Smtp.WaitForAsync(Judges[2], m => m.Subject?.Contains("评审讨论") == true);
        Assert.Contains($"/judging/entries/{entry}/discussion", note.TextBody);
        await qian.Context.CloseAsync();

        // Convinced, the third judge revises the score; review closes and the round waits for its results.
        using (var zhou = await site.SignedInAsync(Judges[2], JudgePassword))
            await zhou.ScoreAsync(site, entry, "Submit", "8", "8", "8", "8", "8");
        site.Clock.SetUtcNow(JudgingTestKit.AfterReview.AddMinutes(1));
        inbox = await InboxAsync();
        await Expect(inbox.Locator("[data-task='judging.results-unpublished']")).ToHaveTextAsync("评审已截止、等待发布结果的轮次：1 个");
        await Expect(inbox.Locator("[data-task='judging.reviews-overdue']")).ToHaveCountAsync(0);

        // Results published: nothing waits any more.
        using (var http = await site.OrganizerAsync())
        {
            var results = $"/admin/judging/rounds/{roundId}/results";
            var published = await http.PostFormAsync(results, new Dictionary<string, string> { ["confirmed"] = "true" }, results + "?handler=Publish");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, published.Status);
        }
        inbox = await InboxAsync();
        await Expect(inbox).ToContainTextAsync("没有等待处理的事项。");
        await Expect(inbox.Locator("li.task")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(organizer, "admin-inbox-empty");
        await organizer.Context.CloseAsync();
    }
}
