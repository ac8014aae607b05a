using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Judging;

/// <summary>
/// A season played through the round's life cycle in a browser: round 1 scored, review closed, provisional results
/// published, an objection raised and answered, results finalised, a certificate downloaded and verified, and round 2
/// open only to the teams that advanced.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoRoundSeasonTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_rounds_are_played_from_scores_to_final_results_with_an_objection_a_certificate_and_advancement_enforced()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        var roundId = await site.FirstRoundIdAsync();
        var entries = await site.ScoredRoundAsync();
        string Url(string path) => new Uri(root, path).ToString();

        // The organizer lets two of three advance, closes review with a reason, advances, awards and publishes for 公示.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(Url($"/admin/judging/rounds/{roundId}"));
        await organizer.GetByLabel("晋级比例（%，每个赛道；留空则按晋级数量 30）").FillAsync("60");
        await organizer.GetByLabel("结果公示天数（公示期内可提出异议）").FillAsync("5");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("评审设置已保存。");
        await organizer.GotoAsync(Url($"/admin/judging/rounds/{roundId}/results"));
        await organizer.GetByLabel("提前截止评审的原因").FillAsync("评分已全部提交");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "截止评审" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认：截止评审" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("评审已截止，评分已冻结。");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "按排名晋级各赛道前列作品" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 件作品已晋级。");
        var rows = organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr");
        await rows.First.GetByRole(AriaRole.Button, new() { Name = "设奖" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("奖项已添加（尚未发布）。");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "发布公示结果" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("公示 5 天");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认：发布公示结果" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("结果已发布公示，并通知各参赛团队。");

        // The third team sees its outcome and objects to the winner's score; the organizer answers publicly.
        var third = await browser.NewPageAsync();
        await third.SignInAsync(site, await site.CaptainEmailAsync(entries[2]), SiteBuilders.Password);
        await third.GetByRole(AriaRole.Link, new() { Name = "查看我的团队成绩" }).First.ClickAsync();
        await Expect(third.GetByRole(AriaRole.Main)).ToContainTextAsync("未晋级");
        await Screenshots.TakeDesktopAndMobileAsync(third, "results-team");
        await third.AssertNoSeriousViolationsAsync("the team's results page");
        await third.GetByRole(AriaRole.Link, new() { Name = "提出异议" }).ClickAsync();
        await third.GetByLabel("作品").SelectOptionAsync(new SelectOptionValue { Label = "数字政府 · 甲作品（甲作品队）" });
        await third.GetByLabel("异议理由").FillAsync("甲作品的演示地址在评审期间无法访问，请核实评分依据。");
        await Screenshots.TakeDesktopAndMobileAsync(third, "objection-form");
        await third.AssertNoSeriousViolationsAsync("the objection form");
        await third.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Expect(third.GetByRole(AriaRole.Status)).ToHaveTextAsync("异议已提交，组委会答复后会邮件通知您。");

        await organizer.GotoAsync(Url($"/admin/judging/rounds/{roundId}/objections"));
        await organizer.GetByRole(AriaRole.Textbox, new() { Name = "答复" }).FillAsync("经核实，演示地址在评审期间可以访问，评分有效。");
        await organizer.GetByLabel("公开答复（异议内容和答复随评审结果公开）").CheckAsync();
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "objections-admin");
        await organizer.AssertNoSeriousViolationsAsync("the objections page");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "答复", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("已答复，提出人会收到邮件。");

        // After the period the organizer finalises; the public page says so and shows the answer.
        site.Clock.Advance(TimeSpan.FromDays(6));
        await organizer.GotoAsync(Url($"/admin/judging/rounds/{roundId}/results"));
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确定最终结果" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "确认：确定最终结果" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("本轮结果已确定。");
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(Url("/results"));
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("最终结果");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("经核实，演示地址在评审期间可以访问，评分有效。");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "results-final");
        await visitor.AssertNoSeriousViolationsAsync("the final results page");

        // The winner downloads its certificate from the team page; anybody verifies it by its code.
        var winner = await browser.NewPageAsync();
        await winner.SignInAsync(site, await site.CaptainEmailAsync(entries[0]), SiteBuilders.Password);
        await winner.GotoAsync(Url("/teams/mine"));
        var certificates = winner.GetByRole(AriaRole.Region, new() { Name = "获奖证书" });
        await Expect(certificates).ToContainTextAsync("一等奖");
        var download = await winner.RunAndWaitForDownloadAsync(() => certificates.GetByRole(AriaRole.Link, new() { Name = "下载证书（PDF）" }).ClickAsync());
        var code = await site.WithDbAsync(db => db.Certificates.Select(c => c.Code).SingleAsync());
        Assert.Equal($"获奖证书-{code}.pdf", download.SuggestedFilename);
        await visitor.GotoAsync(Url($"/certificates/{code}"));
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("证书有效");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("甲作品");

        // Round 2 (复赛) opens: the team that did not advance is refused; an advanced team enters and finalises.
        var second = await site.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Sequence == 2));
        site.Clock.SetUtcNow(second.SubmissionOpensAt.AddDays(1));
        var knockedOut = await browser.NewPageAsync();
        await knockedOut.SignInAsync(site, await site.CaptainEmailAsync(entries[2]), SiteBuilders.Password);
        await knockedOut.GotoAsync(Url($"/submissions/{second.Id}"));
        await Expect(knockedOut.GetByRole(AriaRole.Main)).ToContainTextAsync("您的团队未晋级复赛，不能提交作品");
        await Expect(knockedOut.GetByLabel("作品名称")).ToHaveCountAsync(0);
        await Screenshots.TakeDesktopAndMobileAsync(knockedOut, "submission-not-advanced");
        await knockedOut.AssertNoSeriousViolationsAsync("the entry page of a team not advanced");

        var advanced = await browser.NewPageAsync();
        await advanced.SignInAsync(site, await site.CaptainEmailAsync(entries[1]), SiteBuilders.Password);
        await advanced.GotoAsync(Url($"/submissions/{second.Id}"));
        await advanced.GetByLabel("作品名称").FillAsync("乙作品（复赛版）");
        await advanced.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(advanced.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 1 版。");
        await advanced.GetByRole(AriaRole.Link, new() { Name = "定稿（第 1 版）" }).ClickAsync();
        await advanced.GetByRole(AriaRole.Button, new() { Name = "确认定稿（第 1 版）" }).ClickAsync();
        await Expect(advanced.GetByRole(AriaRole.Status)).ToContainTextAsync("作品已定稿");
        Assert.Equal(1, await site.WithDbAsync(db => db.Submissions.CountAsync(x => x.RoundId == second.Id)));

        foreach (var page in new[] { advanced, knockedOut, winner, visitor, third, organizer }) await page.Context.CloseAsync();
    }
}
