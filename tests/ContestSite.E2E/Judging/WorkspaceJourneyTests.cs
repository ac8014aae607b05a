using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Judging;

[Collection(BrowserCollection.Name)]
public sealed class WorkspaceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_judge_scores_with_the_live_weighted_total_then_discusses_the_disagreement_with_the_other_judge()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        var li = await site.JudgeAsync("judge.li@example.com");
        var chen = await site.JudgeAsync("judge.chen@example.com");
        var entry = await site.EntryAsync("西湖公交导航", proposal: "%PDF-1.4\n%%EOF\n"u8.ToArray());
        await site.AssignDirectAsync(chen, entry);
        await site.AssignDirectAsync(li, entry);
        using (var other = await site.SignedInAsync("judge.chen@example.com")) await other.ScoreAsync(site, entry, "Submit", "2", "2", "2", "2", "2");

        var judge = await browser.NewPageAsync();
        await judge.SignInAsync(site, "judge.li@example.com", SiteBuilders.Password);
        await judge.GotoAsync(new Uri(root, "/judging").ToString());
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("已评 0 / 1");
        await judge.GetByRole(AriaRole.Link, new() { Name = "西湖公交导航" }).ClickAsync();
        await Expect(judge.GetByRole(AriaRole.Link, new() { Name = "在浏览器中查看（新窗口）" })).ToHaveAttributeAsync("target", "_blank");

        // The total follows every score typed, weighted as the server weighs it: 30·0.9 + 25·0.8 + 20·0.7 = 61 so far.
        var total = judge.Locator("#live-total");
        await Expect(total).ToHaveTextAsync("—");
        await judge.GetByLabel("创新性", new() { Exact = false }).FillAsync("9");
        await judge.GetByLabel("数据应用", new() { Exact = false }).FillAsync("8");
        await judge.GetByLabel("社会价值", new() { Exact = false }).FillAsync("7");
        await Expect(total).ToHaveTextAsync("61.00");
        await Expect(judge.Locator("#live-total-note")).ToContainTextAsync("尚有 2 项未打分");
        await judge.GetByLabel("技术实现", new() { Exact = false }).FillAsync("11");
        await Expect(total).ToHaveTextAsync("—");
        await judge.GetByLabel("技术实现", new() { Exact = false }).FillAsync("6");
        await judge.GetByLabel("完整度", new() { Exact = false }).FillAsync("5");
        await Expect(total).ToHaveTextAsync("75.00");
        await Expect(judge.Locator("#live-total-note")).ToBeEmptyAsync();
        await Screenshots.TakeDesktopAndMobileAsync(judge, "judging-entry-live-total");
        await judge.AssertNoSeriousViolationsAsync("the score form with the live total");

        // The server records the same total the page showed.
        await judge.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await Expect(judge.GetByRole(AriaRole.Status)).ToHaveTextAsync("评分已提交。评审截止前您仍可修改。");
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("加权总分 75.00");
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("初赛：已评 1 / 1");

        // 75 against 20: the entry is flagged, so its discussion is open; the judge writes in Markdown.
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("这件作品的讨论已开放，共 0 条留言。");
        await judge.GetByRole(AriaRole.Link, new() { Name = "查看讨论" }).ClickAsync();
        await Expect(judge.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("评审讨论：西湖公交导航");
        await judge.GetByLabel("留言（支持 Markdown，最多 4000 字）").FillAsync("我认为**数据应用**做得扎实，请评委 A 说明打低分的理由。");
        await judge.GetByRole(AriaRole.Button, new() { Name = "发表留言" }).ClickAsync();
        await Expect(judge.GetByRole(AriaRole.Status)).ToHaveTextAsync("留言已发表，并已通知讨论中的其他人。");
        var comment = judge.Locator(".discussion-comment").First;
        await Expect(comment).ToContainTextAsync("我（评委 B）");
        await Expect(comment.Locator("strong", new() { HasText = "数据应用" })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(judge, "judging-discussion");
        await judge.AssertNoSeriousViolationsAsync("the discussion page");

        var mail = await site.Smtp.WaitForAsync("judge.chen@example.com", m => m.Subject?.Contains("评审讨论") == true);
        Assert.Contains("评委 B 写道：", mail.TextBody);
        Assert.Contains($"/judging/entries/{entry}/discussion", mail.TextBody);

        await judge.Context.CloseAsync();
    }
}
