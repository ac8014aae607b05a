using System.Net;
using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>
/// The tests where a judge or contestant only meets entries of their own share one site per provider (addresses and
/// teams named after the test); the tests that change the round's settings or read the one audit entry have their own.
/// </summary>
public sealed class AccessTests(AccessTests.DuringReviewSites shared) : IClassFixture<AccessTests.DuringReviewSites>
{
    public sealed class DuringReviewSites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) => SiteAsync(provider);
    }

    private static Task<int> FileOfAsync(SiteFactory site, int submissionId) =>
        site.WithDbAsync(db => db.SubmissionFiles.Where(f => db.SubmissionVersions.Any(v => v.Id == f.VersionId && v.SubmissionId == submissionId))
            .Select(f => f.Id).SingleAsync());

    /// <summary>The site answers a signed-in person without the permission with a redirect to its 403 page.</summary>
    private static void AssertDenied(SiteClient.Page page, string url)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"{url} answered {page.Status}");
        Assert.StartsWith("/account/access-denied", page.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_judge_can_neither_open_nor_score_an_entry_not_assigned_to_them(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var otherId = await site.JudgeAsync("unassigned-other@test.local");
        await site.JudgeAsync("unassigned-judge@test.local");
        var entry = await site.EntryAsync("别人的作品", proposal: "%PDF-1.4 test"u8.ToArray());
        await site.AssignDirectAsync(otherId, entry);
        using var judge = await site.SignedInAsync("unassigned-judge@test.local");
        var token = (await judge.GetAsync("/judging")).AntiforgeryToken!;
        var fileId = await FileOfAsync(site, entry);

        var opened = await judge.GetAsync($"/judging/entries/{entry}");
        var file = await judge.GetAsync($"/judging/entries/{entry}/files/{fileId}");
        var scored = await judge.PostAsync($"/judging/entries/{entry}?handler=Submit",
            new Dictionary<string, string>(await site.ScoreFieldsAsync("8", "7", "6", "9", "10")) { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, opened.Status);
        Assert.DoesNotContain("别人的作品", opened.Text);
        Assert.Equal(HttpStatusCode.NotFound, file.Status);
        Assert.Equal(HttpStatusCode.NotFound, scored.Status);
        Assert.Empty(await site.ReviewsAsync(entry));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_judge_who_declared_a_conflict_loses_the_entry_and_it_goes_to_another_judge(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var judgeId = await site.JudgeAsync("judge@test.local");
        var spareId = await site.JudgeAsync("spare@test.local");
        var entry = await site.EntryAsync("利益相关作品");
        await site.AssignDirectAsync(judgeId, entry);
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 1)));
        using var judge = await site.SignedInAsync("judge@test.local");

        await judge.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entry), ["reason"] = "指导过该团队" }, "/judging?handler=Conflict");
        var opened = await judge.GetAsync($"/judging/entries/{entry}");
        var token = (await judge.GetAsync("/judging")).AntiforgeryToken!;
        var scored = await judge.PostAsync($"/judging/entries/{entry}?handler=Submit",
            new Dictionary<string, string>(await site.ScoreFieldsAsync("8", "7", "6", "9", "10")) { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, opened.Status);
        Assert.Equal(HttpStatusCode.NotFound, scored.Status);
        var holders = await site.WithDbAsync(db => db.Assignments.Where(a => a.SubmissionId == entry).Select(a => a.JudgeUserId).ToListAsync());
        Assert.Equal([spareId], holders);
        Assert.Equal(1, await site.AuditCountAsync("judging.conflict-declared"));
    }

    [Fact]
    public async Task A_conflict_declared_on_an_entry_with_a_draft_without_scores_releases_it_and_records_what_was_released()
    {
        await using var site = await SiteAsync(TestProvider.Sqlite);
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("利益相关作品");
        await site.AssignDirectAsync(judgeId, entry);
        var assignment = await site.WithDbAsync(db => db.Assignments.SingleAsync(a => a.SubmissionId == entry));
        using var judge = await site.SignedInAsync("judge@test.local");
        await judge.ScoreAsync(site, entry, "Save");
        Assert.Empty(Assert.Single(await site.ReviewsAsync(entry)).Scores);

        await judge.PostFormAsync("/judging", new Dictionary<string, string> { ["submissionId"] = Id(entry), ["reason"] = "指导过该团队" }, "/judging?handler=Conflict");

        var detail = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "judging.conflict-declared").Select(e => e.Detail).SingleAsync());
        Assert.Equal($"judge={judgeId}; released=1; assignment {assignment.Id} (round {assignment.RoundId}): {{; total=-; Draft}}", detail);
        Assert.Empty(await site.ReviewsAsync(entry));
        Assert.Equal(ConflictStatus.Declared, await site.WithDbAsync(db => db.ConflictDeclarations.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Files_of_an_assigned_entry_come_as_attachments_that_browsers_do_not_sniff()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var judgeId = await site.JudgeAsync("attachment-judge@test.local");
        var entry = await site.EntryAsync("智慧公交", proposal: "<html><script>alert(1)</script></html>"u8.ToArray(), teamName: "附件队");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("attachment-judge@test.local");
        var fileId = await FileOfAsync(site, entry);

        using var response = await judge.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task In_a_blind_round_no_judging_url_shows_a_judge_the_team_or_another_judges_scores(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        var judgeId = await site.JudgeAsync("blind-judge@test.local");
        var otherId = await site.JudgeAsync("blind-other@test.local");
        var entry = await site.EntryAsync("匿名作品", organization: "秘密研究院", teamName: "隐身团队");
        await site.AssignDirectAsync(judgeId, entry);
        await site.AssignDirectAsync(otherId, entry);
        using (var other = await site.SignedInAsync("blind-other@test.local"))
        {
            var fields = await site.ScoreFieldsAsync("3", "3", "3", "3", "3");
            fields["Comment"] = "另一位评委的评语";
            await other.PostFormAsync($"/judging/entries/{entry}", fields, $"/judging/entries/{entry}?handler=Submit");
        }
        using var judge = await site.SignedInAsync("blind-judge@test.local");
        var roundId = (await site.FirstRoundAsync()).Id;

        foreach (var url in new[] { "/judging", $"/judging/entries/{entry}" })
        {
            var page = await judge.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("隐身团队", page.Text);
            Assert.DoesNotContain("秘密研究院", page.Text);
            Assert.DoesNotContain("王队长", page.Text);
            Assert.DoesNotContain("另一位评委的评语", page.Text);
            Assert.DoesNotContain("30.00", page.Text);
        }
        foreach (var url in new[] { $"/admin/judging/rounds/{roundId}/results", $"/admin/judging/rounds/{roundId}", "/admin/judging",
                     $"/admin/judging/rounds/{roundId}/export/scores.csv", $"/admin/judging/rounds/{roundId}/export/ranking.xlsx", $"/admin/judging/rounds/{roundId}/export/assignments.csv" })
            AssertDenied(await judge.GetAsync(url), url);
    }

    [Fact]
    public async Task In_an_open_round_the_judge_sees_the_team()
    {
        await using var site = await SiteAsync();
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.BlindReview, false)));
        var judgeId = await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("公开作品", organization: "公开研究院", teamName: "可见团队");
        await site.AssignDirectAsync(judgeId, entry);
        using var judge = await site.SignedInAsync("judge@test.local");

        var page = await judge.GetAsync($"/judging/entries/{entry}");

        Assert.Contains("可见团队", page.Text);
        Assert.Contains("公开研究院", page.Text);
    }

    [Fact]
    public async Task A_contestant_gets_403_on_every_judging_page()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        var entry = await site.EntryAsync("智慧公交", proposal: "%PDF-1.4"u8.ToArray(), teamName: "禁入队");
        await site.CreateUserAsync("forbidden-contestant@test.local", Password, "Contestant");
        using var contestant = await site.SignedInAsync("forbidden-contestant@test.local");
        var roundId = (await site.FirstRoundAsync()).Id;
        var fileId = await FileOfAsync(site, entry);

        string[] urls =
        [
            "/judging", "/judging/profile", $"/judging/entries/{entry}", $"/judging/entries/{entry}/files/{fileId}",
            "/admin/judging", $"/admin/judging/rounds/{roundId}", $"/admin/judging/rounds/{roundId}/results",
            $"/admin/judging/rounds/{roundId}/export/scores.csv", $"/admin/judging/rounds/{roundId}/export/ranking.xlsx",
        ];
        foreach (var url in urls) AssertDenied(await contestant.GetAsync(url), url);
        var posted = await contestant.PostAsync($"/judging/entries/{entry}?handler=Submit", new Dictionary<string, string>());
        AssertDenied(posted, "POST score");
        Assert.Empty(await site.ReviewsAsync(entry));
    }
}
