using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Judging;

[Collection(BrowserCollection.Name)]
public sealed class JudgingJourneyTests(BrowserFixture browser)
{
    private static readonly string[] Titles = ["西湖公交导航", "空气质量预警", "社区养老地图"];

    [Fact]
    public async Task An_organizer_assigns_two_judges_who_score_then_closes_review_advances_the_top_entries_and_publishes_provisional_results()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 2)));
        await site.JudgeAsync("judge.li@example.com", organization: "浙江省大数据发展中心", tags: "交通，环境");
        await site.JudgeAsync("judge.chen@example.com", organization: "杭州师范大学", tags: "养老");
        foreach (var title in Titles) await site.EntryAsync(title);

        // The organizer opens 评审管理, the first round, and assigns every entry with one click.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "评审管理" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin/judging").ToString());
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-admin");
        await organizer.AssertNoSeriousViolationsAsync("the judging admin page");
        await organizer.GetByRole(AriaRole.Row).Filter(new() { HasText = "初赛" }).GetByRole(AriaRole.Link, new() { Name = "分配评委" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "一键分配" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("已分配 6 个评审任务。");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-round");
        await organizer.AssertNoSeriousViolationsAsync("the round assignment page");

        // Each judge scores the three entries from the workspace; the first judge favours the entries in title order.
        await ScoreAllAsync(site, "judge.li@example.com", ["9", "8", "5"], screenshots: true);
        await ScoreAllAsync(site, "judge.chen@example.com", ["8", "7", "6"], screenshots: false);

        // The organizer lets a third of the track advance (rounded up: one of three), advances, gives the first prize and publishes it.
        var results = $"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}";
        await organizer.GotoAsync(new Uri(root, results).ToString());
        await organizer.GetByLabel("晋级比例（%，每个赛道；留空则按晋级数量 30）").FillAsync("33");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("评审设置已保存。");
        await organizer.GotoAsync(new Uri(root, results + "/results").ToString());
        var rows = organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr");
        await Expect(rows.First).ToContainTextAsync(Titles[0]);

        // Every judge is done: the organizer closes review early, giving a reason, and confirms on the page that names the consequence.
        await organizer.GetByLabel("提前截止评审的原因").FillAsync("全部评委已提交评分");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "截止评审" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = "请确认：截止评审" })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-confirm-close");
        await organizer.AssertNoSeriousViolationsAsync("the confirmation page");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认：截止评审" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("评审已截止，评分已冻结。");

        await organizer.GetByRole(AriaRole.Button, new() { Name = "按排名晋级各赛道前列作品" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 件作品已晋级。");
        await Expect(rows.First.GetByRole(AriaRole.Button, new() { Name = "已晋级（撤销）" })).ToBeVisibleAsync();
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "设奖" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("奖项已添加（尚未发布）。");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-results");
        await organizer.AssertNoSeriousViolationsAsync("the results page");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "发布公示结果" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认：发布公示结果" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("结果已发布公示，并通知各参赛团队。");

        // Anybody sees the provisional ranking, the advancing entry and the winner on the public results page; teams are emailed.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(new Uri(root, "/results").ToString());
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("公示中");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("一等奖");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync(Titles[0]);
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("晋级名单");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "results");
        await visitor.AssertNoSeriousViolationsAsync("the public results page");
        var entryId = await site.WithDbAsync(db => db.SubmissionVersions.Where(v => v.Title == Titles[0]).Select(v => v.SubmissionId).SingleAsync());
        var mail = await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(entryId), m => m.Subject?.Contains("结果公示") == true);
        Assert.Contains("一等奖", mail.TextBody);

        await visitor.Context.CloseAsync();
        await organizer.Context.CloseAsync();
    }

    private async Task ScoreAllAsync(SiteFactory site, string email, string[] scores, bool screenshots)
    {
        var root = site.RootUri!;
        var judge = await browser.NewPageAsync();
        await judge.SignInAsync(site, email, SiteBuilders.Password);
        await judge.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "评审", Exact = true }).ClickAsync();
        await Expect(judge).ToHaveURLAsync(new Uri(root, "/judging").ToString());
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("已评 0 / 3");
        if (screenshots) await Screenshots.TakeDesktopAndMobileAsync(judge, "judging-workspace");
        if (screenshots) await judge.AssertNoSeriousViolationsAsync("the judging workspace");
        for (var i = 0; i < Titles.Length; i++)
        {
            await judge.GetByRole(AriaRole.Link, new() { Name = Titles[i] }).ClickAsync();
            await Expect(judge.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Titles[i]);
            await Expect(judge.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("王队长");
            foreach (var criterion in new[] { "创新性", "数据应用", "社会价值", "技术实现", "完整度" })
                await judge.GetByLabel(criterion, new() { Exact = false }).FillAsync(scores[i]);
            await judge.GetByLabel("评语").FillAsync("数据使用充分");
            if (screenshots && i == 0) await Screenshots.TakeDesktopAndMobileAsync(judge, "judging-entry");
            if (screenshots && i == 0) await judge.AssertNoSeriousViolationsAsync("the score form");
            await judge.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
            await Expect(judge.GetByRole(AriaRole.Status)).ToHaveTextAsync("评分已提交。评审截止前您仍可修改。");
            await judge.GetByRole(AriaRole.Link, new() { Name = "返回评审工作台" }).ClickAsync();
        }
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("已评 3 / 3");
        await judge.Context.CloseAsync();
    }
}
