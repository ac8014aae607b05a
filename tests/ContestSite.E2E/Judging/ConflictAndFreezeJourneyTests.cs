using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Judging;

[Collection(BrowserCollection.Name)]
public sealed class ConflictAndFreezeJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_judge_asks_to_withdraw_a_scored_entry_an_organizer_upholds_it_and_after_review_closes_reopens_one_entry()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 2)));
        var li = await site.JudgeAsync("judge.li@example.com");
        var chen = await site.JudgeAsync("judge.chen@example.com");
        var conflicted = await site.EntryAsync("西湖公交导航");
        var reopened = await site.EntryAsync("空气质量预警");
        foreach (var judgeId in new[] { li, chen }) foreach (var entry in new[] { conflicted, reopened }) await site.AssignDirectAsync(judgeId, entry);
        foreach (var email in new[] { "judge.li@example.com", "judge.chen@example.com" })
        {
            using var client = await site.SignedInAsync(email);
            foreach (var entry in new[] { conflicted, reopened }) await client.ScoreAsync(site, entry, "Submit", "8", "7", "6", "9", "10");
        }

        // Judge Li has scored 西湖公交导航 and declares a conflict on it: it becomes a request, the score stays and is locked.
        var judge = await browser.NewPageAsync();
        await judge.SignInAsync(site, "judge.li@example.com", SiteBuilders.Password);
        await judge.GotoAsync(new Uri(root, "/judging").ToString());
        await judge.GetByLabel("作品编号").FillAsync(conflicted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await judge.GetByLabel("原因（仅组委会可见）").FillAsync("我指导过这个团队");
        await judge.GetByRole(AriaRole.Button, new() { Name = "声明利益冲突" }).ClickAsync();
        await Expect(judge.GetByRole(AriaRole.Status)).ToContainTextAsync("利益冲突申请已提交组委会决定");
        await Expect(judge.GetByRole(AriaRole.Main)).ToContainTextAsync("利益冲突待组委会决定，评分已锁定");
        await Screenshots.TakeDesktopAndMobileAsync(judge, "judging-conflict-requested");
        await judge.AssertNoSeriousViolationsAsync("the judging workspace with a conflict request");

        // The organizer finds it on the to-do of 评审管理 and upholds it with a reason: the score is excluded, and marked on the results.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin/judging").ToString());
        var request = organizer.GetByRole(AriaRole.Row).Filter(new() { HasText = "我指导过这个团队" });
        await Expect(request).ToContainTextAsync("judge.li@example.com");
        await Expect(request).ToContainTextAsync("77.00");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-conflict-todo");
        await organizer.AssertNoSeriousViolationsAsync("the judging admin page with a conflict request");
        await request.GetByLabel("理由（会告知评委）").FillAsync("评委曾指导该团队");
        await request.GetByRole(AriaRole.Button, new() { Name = "支持（排除评分）" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("已支持该利益冲突申请：评分已排除");
        var roundId = (await site.FirstRoundAsync()).Id;
        await organizer.GotoAsync(new Uri(root, $"/admin/judging/rounds/{roundId}/results").ToString());
        var row = organizer.GetByRole(AriaRole.Row).Filter(new() { HasText = "西湖公交导航" });
        await Expect(row).ToContainTextAsync("已排除");
        await Expect(row).ToContainTextAsync("不计入结果；理由：评委曾指导该团队");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-results-excluded");
        await organizer.AssertNoSeriousViolationsAsync("the results page with an excluded score");

        // Review closes. The organizer reopens 空气质量预警 alone, until a moment, with a reason.
        site.Clock.SetUtcNow(JudgingTestKit.AfterReview.AddHours(2));
        await organizer.GotoAsync(new Uri(root, $"/admin/judging/rounds/{roundId}").ToString());
        await organizer.Locator("#reopen-id").FillAsync(reopened.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await organizer.GetByLabel("重新开放至（北京时间）").FillAsync("2020-11-12T12:00");
        await organizer.Locator("#reopen-reason").FillAsync("评委漏看了演示视频");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "重新开放这件作品的评审" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("至 2020-11-12 12:00");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "judging-round-reopened");
        await organizer.AssertNoSeriousViolationsAsync("the round page after review closed");

        // Judge Chen's other entry is frozen and says so; the reopened one can be revised until its moment.
        var other = await browser.NewPageAsync();
        await other.SignInAsync(site, "judge.chen@example.com", SiteBuilders.Password);
        await other.GotoAsync(new Uri(root, $"/judging/entries/{conflicted}").ToString());
        await Expect(other.GetByRole(AriaRole.Main)).ToContainTextAsync("评分已冻结，不能再修改");
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "修改并重新提交" })).ToHaveCountAsync(0);
        await Expect(other.GetByLabel("创新性", new() { Exact = false })).ToBeDisabledAsync();
        await Screenshots.TakeDesktopAndMobileAsync(other, "judging-entry-frozen");
        await other.AssertNoSeriousViolationsAsync("a frozen score form");
        await other.GotoAsync(new Uri(root, $"/judging/entries/{reopened}").ToString());
        await Expect(other.GetByRole(AriaRole.Main)).ToContainTextAsync("您可以修改评分至 2020-11-12 12:00");
        await other.GetByLabel("创新性", new() { Exact = false }).FillAsync("10");
        await other.GetByRole(AriaRole.Button, new() { Name = "修改并重新提交" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("评分已提交");

        await other.Context.CloseAsync();
        await organizer.Context.CloseAsync();
        await judge.Context.CloseAsync();
    }
}
