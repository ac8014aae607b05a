using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

public sealed class ResultsTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Results_rank_entries_flag_disagreement_advance_the_top_and_publish_awards(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var entries = await site.ScoredRoundAsync();
        var roundId = (await site.FirstRoundAsync()).Id;
        var url = $"/admin/judging/rounds/{roundId}/results";
        using var organizer = await site.OrganizerAsync();
        await organizer.PostFormAsync($"/admin/judging/rounds/{roundId}", new Dictionary<string, string> { ["sharePercent"] = "50", ["threshold"] = "50", ["ranking"] = "Normalised" },
            $"/admin/judging/rounds/{roundId}?handler=Settings");

        var results = await organizer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, results.Status);
        Assert.Contains("分歧较大，需讨论", results.Text);
        Assert.Contains("各评委评分分布", results.Text);
        Assert.Contains("<svg", results.Html);

        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        await organizer.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=AdvanceTop");
        var advanced = await site.WithDbAsync(db => db.Advancements.OrderBy(a => a.Rank).Select(a => a.SubmissionId).ToListAsync());
        Assert.Equal([entries[0], entries[1]], advanced);

        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entries[0]), ["level"] = "First" }, url + "?handler=Award");
        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entries[1]), ["level"] = "Special", ["name"] = "最佳数据应用奖" }, url + "?handler=Award");
        using var visitor = site.CreateSiteClient();
        Assert.DoesNotContain("甲作品", (await visitor.GetAsync("/results")).Text);

        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["confirmed"] = "true" }, url + "?handler=Publish");

        var page = await visitor.GetAsync("/results");
        Assert.Contains("公示中", page.Text);
        Assert.Contains("一等奖", page.Text);
        Assert.Contains("甲作品", page.Text);
        Assert.Contains("最佳数据应用奖", page.Text);
        var mail = await site.Smtp.WaitForAsync(await site.CaptainEmailAsync(entries[0]), m => m.Subject?.Contains("结果公示") == true);
        Assert.Contains("一等奖", mail.TextBody);
        Assert.Contains("拟晋级下一轮", mail.TextBody);
        Assert.Equal(2, await site.AuditCountAsync("judging.advanced"));
        Assert.Equal(2, await site.AuditCountAsync("judging.award-given"));
        Assert.Equal(2, await site.AuditCountAsync("judging.award-published"));
    }

    [Fact]
    public async Task An_award_without_a_special_name_or_for_an_unknown_entry_is_refused()
    {
        await using var site = await SiteAsync();
        var entry = await site.EntryAsync("甲作品");
        var roundId = (await site.FirstRoundAsync()).Id;
        var url = $"/admin/judging/rounds/{roundId}/results";
        using var organizer = await site.OrganizerAsync();

        var unnamed = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entry), ["level"] = "Special" }, url + "?handler=Award");
        var unknown = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = "999999", ["level"] = "First" }, url + "?handler=Award");

        Assert.Contains("请填写特别奖的名称", unnamed.Text);
        Assert.Contains("作品 999999 不是本轮已定稿的作品", unknown.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.Awards.CountAsync()));
    }

    [Fact]
    public async Task Scores_export_per_judge_and_criterion_and_the_ranking_exports_as_xlsx()
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        var roundId = (await site.FirstRoundAsync()).Id;
        using var organizer = await site.OrganizerAsync();

        var csv = await organizer.GetAsync($"/admin/judging/rounds/{roundId}/export/scores.csv");
        Assert.Contains("作品编号,作品名称,评委,评委邮箱,创新性,数据应用,社会价值,技术实现,完整度,加权总分", csv.Html);
        Assert.Contains($"{entries[0]},甲作品,harsh,harsh@test.local,6,6,6,6,6,60.00", csv.Html);
        Assert.Equal(7, csv.Html.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var xlsx = await organizer.Http.GetAsync($"/admin/judging/rounds/{roundId}/export/ranking.xlsx");
        var rows = (await xlsx.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("甲作品", rows[0]["作品名称"]);
        Assert.Equal("1", rows[0]["名次"]?.ToString());
    }

    [Fact]
    public async Task Normalising_corrects_a_generous_judge_who_scored_only_one_entry()
    {
        await using var site = await SiteAsync();
        var entries = await site.ScoredRoundAsync();
        var lone = await site.JudgeAsync("lone@test.local");
        await site.AssignDirectAsync(lone, entries[2]);
        using (var judge = await site.SignedInAsync("lone@test.local")) await judge.ScoreAsync(site, entries[2], "Submit", "10", "10", "10", "10", "10");

        var review = await site.WithDbAsync(db => db.Reviews.Where(r => r.Status == ReviewStatus.Submitted).CountAsync());

        Assert.Equal(7, review);
        using var organizer = await site.OrganizerAsync();
        var page = await organizer.GetAsync($"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}/results");
        Assert.Contains("lone 100.0", page.Text);
    }
}
