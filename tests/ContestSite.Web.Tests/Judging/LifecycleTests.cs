using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// The round's life cycle as organizers drive it: close review, publish provisional results, correct them, take
/// objections, finalise; every step from every state, refusals that change nothing, and two organizers at once.
/// </summary>
public sealed class LifecycleTests
{
    private static string ResultsUrl(int roundId) => $"/admin/judging/rounds/{roundId}/results";

    private static Task<SiteClient.Page> StepAsync(SiteClient organizer, int roundId, string handler, Dictionary<string, string>? fields = null, bool confirmed = true)
    {
        var form = new Dictionary<string, string>(fields ?? []);
        if (confirmed) form["confirmed"] = "true";
        return organizer.PostFormAsync(ResultsUrl(roundId), form, ResultsUrl(roundId) + "?handler=" + handler);
    }

    /// <summary>What a refused step must leave alone: the round's close, its publications, awards' publication and the audit record.</summary>
    private static Task<string> StateAsync(SiteFactory site, int roundId) => site.WithDbAsync(async db =>
    {
        var close = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.ReviewClosesAt).SingleAsync();
        var publications = await db.ResultsPublications.OrderBy(p => p.Id).Select(p => p.Version + ":" + p.Status + ":" + p.SnapshotJson.Length).ToListAsync();
        var awards = await db.Awards.OrderBy(a => a.Id).Select(a => a.Id + ":" + (a.PublishedAt != null)).ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        return $"{close:O}|{string.Join(",", publications)}|{string.Join(",", awards)}|{audit}";
    });

    [Fact]
    public async Task Publishing_while_review_is_open_is_refused_and_nothing_becomes_public()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.ScoredRoundAsync();
        await organizer.PostFormAsync(ResultsUrl(roundId), new Dictionary<string, string> { ["submissionId"] = Id(entries[0]), ["level"] = "First" }, ResultsUrl(roundId) + "?handler=Award");
        var before = await StateAsync(site, roundId);

        var refused = await StepAsync(organizer, roundId, "Publish");

        Assert.Contains("评审尚未截止", refused.Text);
        Assert.Equal(before, await StateAsync(site, roundId));
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("甲作品", (await visitor.GetAsync("/results")).Text);
    }

    [Fact]
    public async Task Irreversible_steps_show_a_confirmation_naming_the_consequence_and_change_nothing_until_confirmed()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        await site.ScoredRoundAsync();
        var before = await StateAsync(site, roundId);
        // Page titles are formatted with their arguments (they once showed "评审结果：{0}").
        Assert.Contains("<title>评审结果：初赛 - ", (await organizer.GetAsync(ResultsUrl(roundId))).Html);

        var asked = await StepAsync(organizer, roundId, "CloseReview", new() { ["reason"] = "评委已全部完成" }, confirmed: false);

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("请确认：截止评审", asked.Text);
        Assert.Contains("评分冻结", asked.Text);
        Assert.Contains("此操作不可撤销", asked.Text);
        Assert.Contains("name=\"confirmed\" value=\"true\"", asked.Html);
        Assert.Contains("value=\"评委已全部完成\"", asked.Html);
        Assert.Equal(before, await StateAsync(site, roundId));

        var closed = await StepAsync(organizer, roundId, "CloseReview", new() { ["reason"] = "评委已全部完成" });
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.Equal(site.Clock.GetUtcNow(), (await site.FirstRoundAsync()).ReviewClosesAt);
        var entry = await site.AuditEntryAsync("judging.review-closed");
        Assert.Contains("reason=评委已全部完成", entry.Detail);
    }

    [Fact]
    public async Task Closing_review_without_a_reason_is_refused()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var before = await StateAsync(site, roundId);

        var refused = await StepAsync(organizer, roundId, "CloseReview", new() { ["reason"] = "   " });

        Assert.Contains("请填写原因", refused.Text);
        Assert.Equal(before, await StateAsync(site, roundId));
    }

    /// <summary>
    /// Every step from every state: what the state forbids is refused with its reason and changes nothing; the steps it
    /// allows are then done, in an order where each is still allowed after the one before.
    /// </summary>
    [Theory]
    [InlineData(RoundPhase.SubmissionOpen, "ExtendReview")]
    [InlineData(RoundPhase.ReviewOpen, "ExtendReview,CloseReview")]
    [InlineData(RoundPhase.ReviewClosed, "Publish,ExtendReview")]
    [InlineData(RoundPhase.Provisional, "Correct,ExtendReview")]
    [InlineData(RoundPhase.Final, "")]
    public async Task Each_state_refuses_the_steps_it_forbids_and_allows_its_own(RoundPhase phase, string allowed)
    {
        var start = phase == RoundPhase.SubmissionOpen ? new DateTimeOffset(2020, 10, 31, 12, 0, 0, TimeSpan.FromHours(8)) : DuringReview;
        await using var site = await SiteFactory.CreateAsync(TestProvider.Sqlite, now: start);
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        if (phase != RoundPhase.SubmissionOpen)
        {
            var entries = await site.ScoredRoundAsync();
            if (phase is RoundPhase.ReviewClosed or RoundPhase.Provisional or RoundPhase.Final) site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
            if (phase is RoundPhase.Provisional or RoundPhase.Final)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(organizer, roundId, "Publish")).Status);
                // A change for the correction to publish.
                await organizer.PostFormAsync(ResultsUrl(roundId), new Dictionary<string, string> { ["submissionId"] = Id(entries[2]), ["level"] = "Excellence" }, ResultsUrl(roundId) + "?handler=Award");
            }
            if (phase == RoundPhase.Final)
            {
                site.Clock.Advance(TimeSpan.FromDays(8));
                Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(organizer, roundId, "Finalise")).Status);
            }
        }
        var later = ContestSite.Web.ContestTime.ToInput(site.Clock.GetUtcNow().AddDays(30));
        var steps = new Dictionary<string, Dictionary<string, string>>
        {
            ["CloseReview"] = new() { ["reason"] = "提前结束" },
            ["Publish"] = new(),
            ["Correct"] = new() { ["reason"] = "补充优秀奖" },
            ["Finalise"] = new(),
            ["ExtendReview"] = new() { ["until"] = later, ["reason"] = "再给评委一些时间" },
        };
        var allowedSteps = allowed.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (handler, fields) in steps.Where(s => !allowedSteps.Contains(s.Key)))
        {
            var before = await StateAsync(site, roundId);
            var refused = await StepAsync(organizer, roundId, handler, fields);
            Assert.True(refused.Status == HttpStatusCode.OK, $"{handler} in {phase} was not refused");
            Assert.Contains("validation-summary-errors", refused.Html);
            Assert.Equal(before, await StateAsync(site, roundId));
        }
        foreach (var handler in allowedSteps)
        {
            var done = await StepAsync(organizer, roundId, handler, steps[handler]);
            Assert.True(done.Status == HttpStatusCode.Redirect, $"{handler} in {phase} was refused: {done.Text}");
        }
    }

    [Fact]
    public async Task Published_results_are_a_snapshot_that_later_changes_do_not_touch_until_a_correction_says_why()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId);
        using var visitor = site.CreateSiteClient();
        var first = (await visitor.GetAsync("/results")).Text;
        Assert.Contains("公示中", first);
        Assert.Contains("甲作品", first);
        Assert.Contains("丙作品", first);

        // An award given after publication is not public until a correction publishes it.
        await organizer.PostFormAsync(ResultsUrl(roundId), new Dictionary<string, string> { ["submissionId"] = Id(entries[2]), ["level"] = "Excellence" }, ResultsUrl(roundId) + "?handler=Award");
        Assert.DoesNotContain("优秀奖", (await visitor.GetAsync("/results")).Text);
        var unexplained = await StepAsync(organizer, roundId, "Publish");
        Assert.Contains("结果正在公示：发布更正须填写更正原因", unexplained.Text);

        var corrected = await StepAsync(organizer, roundId, "Correct", new() { ["reason"] = "遗漏了优秀奖" });

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        var page = (await visitor.GetAsync("/results")).Text;
        Assert.Contains("优秀奖", page);
        Assert.Contains("遗漏了优秀奖", page);
        Assert.Contains("“丙作品”（丙作品队）：新增优秀奖", page);
        var versions = await site.WithDbAsync(db => db.ResultsPublications.OrderBy(p => p.Version).Select(p => p.Status).ToListAsync());
        Assert.Equal([ResultsStatus.Superseded, ResultsStatus.Provisional], versions);
        var mail = await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(entries[2]), m => m.Subject?.Contains("结果更正公示") == true);
        Assert.Contains("遗漏了优秀奖", mail.TextBody);

        var nothingNew = await StepAsync(organizer, roundId, "Correct", new() { ["reason"] = "再发一次" });
        Assert.Contains("结果没有任何变化，无需发布更正", nothingNew.Text);
        Assert.Equal(2, await site.WithDbAsync(db => db.ResultsPublications.CountAsync()));
    }

    [Fact]
    public async Task Finalising_waits_for_the_end_of_the_period_and_for_every_objection_then_nothing_can_change()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId);
        using var team = await site.SignedInAsync(await site.CaptainEmailAsync(entries[1]));
        var raised = await team.PostFormAsync($"/results/rounds/{roundId}/objections/new",
            new Dictionary<string, string> { ["SubmissionId"] = Id(entries[0]), ["Reason"] = "甲作品使用的数据集未在作品中声明，请核实评分。" });
        Assert.Equal(HttpStatusCode.Redirect, raised.Status);

        var early = await StepAsync(organizer, roundId, "Finalise");
        Assert.Contains("公示期至", early.Text);
        site.Clock.Advance(TimeSpan.FromDays(8));
        var open = await StepAsync(organizer, roundId, "Finalise");
        Assert.Contains("还有 1 条异议尚未答复", open.Text);
        Assert.Equal(ResultsStatus.Provisional, await site.WithDbAsync(db => db.ResultsPublications.Select(p => p.Status).SingleAsync()));

        var objectionId = await site.WithDbAsync(db => db.Objections.Select(o => o.Id).SingleAsync());
        var answered = await organizer.PostFormAsync($"/admin/judging/rounds/{roundId}/objections",
            new Dictionary<string, string> { ["objectionId"] = Id(objectionId), ["answer"] = "经核实，数据集已在方案书中声明，评分有效。", ["isPublic"] = "true" },
            $"/admin/judging/rounds/{roundId}/objections?handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(organizer, roundId, "Finalise")).Status);

        // Final: the winner has a certificate and is told where it is; every team hears whether it advanced.
        var certificate = await site.WithDbAsync(db => db.Certificates.SingleAsync());
        Assert.Equal(("一等奖", "甲作品"), (certificate.AwardName, certificate.EntryTitle));
        var winnerMail = await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(entries[0]), m => m.Subject?.Contains("获奖通知") == true);
        Assert.Contains("获奖证书可在团队页面下载", winnerMail.TextBody);
        await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(entries[2]), m => m.Subject?.Contains("初赛结果通知") == true);
        using var visitor = site.CreateSiteClient();
        var page = (await visitor.GetAsync("/results")).Text;
        Assert.Contains("最终结果", page);
        Assert.Contains("经核实，数据集已在方案书中声明，评分有效。", page);
        var before = await StateAsync(site, roundId);
        var award = await organizer.PostFormAsync(ResultsUrl(roundId), new Dictionary<string, string> { ["submissionId"] = Id(entries[1]), ["level"] = "Second" }, ResultsUrl(roundId) + "?handler=Award");
        var removal = await organizer.PostFormAsync(ResultsUrl(roundId), new Dictionary<string, string> { ["awardId"] = Id(await site.WithDbAsync(db => db.Awards.Select(a => a.Id).SingleAsync())) }, ResultsUrl(roundId) + "?handler=RemoveAward");
        var reopen = await StepAsync(organizer, roundId, "ExtendReview", new() { ["until"] = ContestSite.Web.ContestTime.ToInput(site.Clock.GetUtcNow().AddDays(3)), ["reason"] = "复核" });
        var objection = await team.PostFormAsync($"/results/rounds/{roundId}/objections/new",
            new Dictionary<string, string> { ["SubmissionId"] = Id(entries[0]), ["Reason"] = "结果确定之后再提出的异议，应当被拒绝。" });
        Assert.Contains("本轮结果已确定，不能再更改", award.Text);
        Assert.Contains("本轮结果已确定，不能再更改", removal.Text);
        Assert.Contains("本轮结果已确定，不能重新开放评审", reopen.Text);
        Assert.Contains("本轮结果已确定，不能再提出异议", objection.Text);
        Assert.Equal(before, await StateAsync(site, roundId));
        Assert.Equal(1, await site.WithDbAsync(db => db.Objections.CountAsync()));
    }

    [Fact]
    public async Task Reopening_review_during_the_period_withdraws_the_results_and_unpublishes_the_awards()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        await site.PublishedRoundAsync(organizer, roundId);
        var until = ContestSite.Web.ContestTime.ToInput(site.Clock.GetUtcNow().AddDays(2));

        var asked = await StepAsync(organizer, roundId, "ExtendReview", new() { ["until"] = until, ["reason"] = "一位评委的评分需要复核" }, confirmed: false);
        Assert.Contains("正在公示的结果将被撤回", asked.Text);
        Assert.Equal(ResultsStatus.Provisional, await site.WithDbAsync(db => db.ResultsPublications.Select(p => p.Status).SingleAsync()));
        var reopened = await StepAsync(organizer, roundId, "ExtendReview", new() { ["until"] = until, ["reason"] = "一位评委的评分需要复核" });

        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        Assert.Equal(ResultsStatus.Withdrawn, await site.WithDbAsync(db => db.ResultsPublications.Select(p => p.Status).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.Awards.AnyAsync(a => a.PublishedAt != null)));
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("甲作品", (await visitor.GetAsync("/results")).Text);
        Assert.Contains("一位评委的评分需要复核", (await site.AuditEntryAsync("judging.review-reopened")).Detail);
        Assert.Equal(1, await site.AuditCountAsync("judging.results-withdrawn"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_organizers_publishing_at_the_same_moment_publish_once(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var roundId = await site.FirstRoundIdAsync();
        await site.ScoredRoundAsync();
        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        using var first = await site.OrganizerAsync();
        using var second = await site.OrganizerAsync();
        var tokens = await Task.WhenAll(first.GetAsync(ResultsUrl(roundId)), second.GetAsync(ResultsUrl(roundId)));

        var answers = await Task.WhenAll(
            first.PostAsync(ResultsUrl(roundId) + "?handler=Publish", new Dictionary<string, string> { ["confirmed"] = "true", ["__RequestVerificationToken"] = tokens[0].AntiforgeryToken! }),
            second.PostAsync(ResultsUrl(roundId) + "?handler=Publish", new Dictionary<string, string> { ["confirmed"] = "true", ["__RequestVerificationToken"] = tokens[1].AntiforgeryToken! }));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Status == HttpStatusCode.OK && a.Text.Contains("结果刚刚已由其他组织者发布") || a.Text.Contains("结果正在公示"));
        Assert.Equal(1, await site.WithDbAsync(db => db.ResultsPublications.CountAsync()));
        Assert.Equal(1, await site.AuditCountAsync("judging.results-published"));
    }

    [Fact]
    public async Task The_contest_settings_cannot_move_the_review_of_a_scored_round_past_its_close_or_of_published_results()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        await site.ScoredRoundAsync();
        Dictionary<string, string> Dates(string reviewCloses) => new()
        {
            ["Input.Name"] = "初赛", ["Input.Sequence"] = "1",
            ["Input.SubmissionOpensAt"] = "2020-08-15T00:00", ["Input.SubmissionClosesAt"] = "2020-10-31T18:00",
            ["Input.ReviewOpensAt"] = "2020-11-01T00:00", ["Input.ReviewClosesAt"] = reviewCloses,
            ["Input.JudgesPerEntry"] = "3",
        };
        var url = $"/admin/contest/rounds/{roundId}";

        var early = await organizer.PostFormAsync(url, Dates("2020-11-05T09:00"));
        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        var reopened = await organizer.PostFormAsync(url, Dates("2020-11-20T18:00"));

        Assert.Contains("提前截止评审须在评审管理中填写原因", early.Text);
        Assert.Contains("本轮评审已截止，评分已冻结", reopened.Text);
        Assert.Equal(AfterReview, (await site.FirstRoundAsync()).ReviewClosesAt);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(organizer, roundId, "Publish")).Status);
        var published = await organizer.PostFormAsync(url, Dates("2020-11-20T18:00"));
        Assert.Contains("本轮结果已发布，评审时间不能在此修改", published.Text);
        Assert.Equal(AfterReview, (await site.FirstRoundAsync()).ReviewClosesAt);
    }

    [Fact]
    public async Task Reopening_one_entry_during_the_period_withdraws_the_results_and_lets_its_judges_score_it_again()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId);
        var round = $"/admin/judging/rounds/{roundId}";

        var reopened = await organizer.PostFormAsync(round, new Dictionary<string, string>
        {
            ["submissionId"] = Id(entries[1]), ["until"] = ContestSite.Web.ContestTime.ToInput(site.Clock.GetUtcNow().AddDays(1)), ["reason"] = "评委申请更正笔误",
        }, round + "?handler=Reopen");

        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        Assert.Equal(ResultsStatus.Withdrawn, await site.WithDbAsync(db => db.ResultsPublications.Select(p => p.Status).SingleAsync()));
        using var judge = await site.SignedInAsync("harsh@test.local");
        var revised = await judge.ScoreAsync(site, entries[1], "Submit", "7", "7", "7", "7", "7");
        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        var frozen = await judge.ScoreAsync(site, entries[0], "Submit", "1", "1", "1", "1", "1");
        Assert.NotEqual(HttpStatusCode.Redirect, frozen.Status);
        var refused = await StepAsync(organizer, roundId, "Publish");
        Assert.Contains($"作品 {entries[1]} 的评审已重新开放，尚未结束", refused.Text);
    }

    [Fact]
    public async Task The_public_results_link_an_entry_to_its_gallery_page_once_it_is_published_there()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.PublishedRoundAsync(organizer, roundId);
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("/gallery/", (await visitor.GetAsync("/results")).Html);

        var shown = await ContestSite.Web.Tests.Gallery.GalleryTestKit.PublishAsync(organizer, ContestSite.Web.Tests.Gallery.GalleryTestKit.PublishFields(entries[0], "甲作品"));
        Assert.Equal(HttpStatusCode.Redirect, shown.Status);

        var galleryId = await ContestSite.Web.Tests.Gallery.GalleryTestKit.EntryIdAsync(site, entries[0]);
        var html = (await visitor.GetAsync("/results")).Html;
        Assert.Contains($"<a href=\"/gallery/{galleryId}\">甲作品</a>", html);
        Assert.DoesNotContain(">乙作品</a>", html);
    }

    [Fact]
    public async Task Days_of_public_notice_outside_1_to_30_are_refused_and_the_setting_is_unchanged()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var url = $"/admin/judging/rounds/{roundId}";
        foreach (var days in new[] { "0", "31", "-3", "七", "2.5" })
        {
            var refused = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["threshold"] = "20", ["ranking"] = "Normalised", ["objectionDays"] = days }, url + "?handler=Settings");
            Assert.Contains("公示天数须是 1 到 30 之间的整数", refused.Text);
        }
        Assert.False(await site.WithDbAsync(db => db.RoundJudgingSettings.AnyAsync()));
        Assert.Equal(0, await site.AuditCountAsync("judging.settings-changed"));
    }

    [Fact]
    public async Task Publishing_with_a_conflict_request_still_pending_is_refused_until_it_is_decided()
    {
        await using var site = await SiteAsync();
        var roundId = await site.FirstRoundIdAsync();
        using var organizer = await site.OrganizerAsync();
        var entries = await site.ScoredRoundAsync();
        using (var judge = await site.SignedInAsync("harsh@test.local"))
            Assert.Equal(HttpStatusCode.Redirect, (await judge.PostFormAsync("/judging",
                new Dictionary<string, string> { ["submissionId"] = Id(entries[0]), ["reason"] = "我指导过这个团队" }, "/judging?handler=Conflict")).Status);
        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        var before = await StateAsync(site, roundId);

        var refused = await StepAsync(organizer, roundId, "Publish");

        Assert.Contains("还有 1 个利益冲突申请待处理，处理后才能发布或确定结果", refused.Text);
        Assert.Equal(before, await StateAsync(site, roundId));
    }
}
