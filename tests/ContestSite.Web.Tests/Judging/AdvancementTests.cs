using System.Globalization;
using System.Net;
using System.Text;
using ContestSite.Core.Judging;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

/// <summary>Advancement decided from a closed review, enforced in the next round's judging, and mailed to the teams once.</summary>
public sealed class AdvancementTests
{
    [Fact]
    public async Task Advancement_is_refused_while_review_is_open_and_once_the_results_are_final()
    {
        await using var site = await SiteAsync();
        var entry = await site.EntryAsync("甲作品");
        var roundId = (await site.FirstRoundAsync()).Id;
        var url = $"/admin/judging/rounds/{roundId}/results";
        using var organizer = await site.OrganizerAsync();

        var early = await AdvanceAsync(organizer, url, entry, true);
        var earlyTop = await organizer.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=AdvanceTop");
        Assert.All([early, earlyTop], page => Assert.Contains("评审尚未截止，不能确定晋级", page.Text));
        Assert.Equal(0, await AdvancementCountAsync(site));

        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(organizer, url, entry, true)).Status);
        Assert.Equal(1, await AdvancementCountAsync(site));

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmedStepAsync(organizer, url, "Publish")).Status);
        site.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmedStepAsync(organizer, url, "Finalise")).Status);
        var late = await AdvanceAsync(organizer, url, entry, false);
        var lateTop = await organizer.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=AdvanceTop");
        Assert.All([late, lateTop], page => Assert.Contains("结果已确定，不能再更改", page.Text));
        Assert.Equal(1, await AdvancementCountAsync(site));
        Assert.Equal(0, await site.AuditCountAsync("judging.advancement-withdrawn"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Only_entries_of_advanced_teams_are_assigned_automatically_by_hand_or_by_CSV_and_ranked_in_the_second_round(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AdvancementTestKit.DuringSecondRound);
        var advancedTeam = await site.TeamWithMembersAsync("晋级队", SiteBuilders.FirstTrack, "advanced@test.local");
        var otherTeam = await site.TeamWithMembersAsync("落选队", SiteBuilders.FirstTrack, "other@test.local");
        await site.AdvanceIntoSecondRoundAsync(advancedTeam);
        await site.EntryOfTeamAsync(otherTeam, 1, "落选队初赛作品");
        var advancedEntry = await site.EntryOfTeamAsync(advancedTeam, 2, "甲作品");
        var otherEntry = await site.EntryOfTeamAsync(otherTeam, 2, "乙作品");
        var roundId = await site.SecondRoundIdAsync();
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 1)));
        await site.JudgeAsync("judge@test.local");
        var url = $"/admin/judging/rounds/{roundId}";
        using var organizer = await site.OrganizerAsync();

        var assigned = await organizer.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=Assign");
        var byHand = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(otherEntry), ["judgeEmail"] = "judge@test.local" }, url + "?handler=Add");
        var byCsv = await ImportAsync(organizer, url, $"submission_id,judge_email\n{otherEntry},judge@test.local\n");
        var round = await organizer.GetAsync(url);
        var results = await organizer.GetAsync(url + "/results");

        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        Assert.Equal([advancedEntry], await site.WithDbAsync(db => db.Assignments.Where(a => a.RoundId == roundId).Select(a => a.SubmissionId).ToListAsync()));
        Assert.Contains($"作品 {otherEntry} 的团队未晋级复赛，不能分配评委", byHand.Text);
        Assert.Contains($"第 2 行：作品 {otherEntry} 的团队未晋级复赛，不能分配评委", byCsv.Text);
        Assert.Equal(1, await site.AssignmentCountAsync());
        Assert.Contains("甲作品", round.Text);
        Assert.DoesNotContain("乙作品", round.Text);
        Assert.Contains("甲作品", results.Text);
        Assert.DoesNotContain("乙作品", results.Text);
    }

    [Fact]
    public async Task Every_member_is_mailed_once_whether_their_team_advanced_or_not_in_their_own_language()
    {
        await using var site = await SiteAsync();
        var advancedTeam = await site.TeamWithMembersAsync("晋级队", SiteBuilders.FirstTrack, "advanced-captain@test.local", "advanced-member@test.local");
        var otherTeam = await site.TeamWithMembersAsync("落选队", SiteBuilders.FirstTrack, "other-captain@test.local");
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "other-captain@test.local").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        var advancedEntry = await site.EntryOfTeamAsync(advancedTeam, 1, "甲作品");
        await site.EntryOfTeamAsync(otherTeam, 1, "乙作品");
        var roundId = (await site.FirstRoundAsync()).Id;
        using var organizer = await site.OrganizerAsync();
        site.Clock.SetUtcNow(AfterReview.AddMinutes(1));
        var advanced = await AdvanceAsync(organizer, $"/admin/judging/rounds/{roundId}/results", advancedEntry, true);
        Assert.Equal(HttpStatusCode.Redirect, advanced.Status);

        var first = await NotifyAsync(site);
        var second = await NotifyAsync(site);

        Assert.Equal((3, 0), (first, second));
        foreach (var member in new[] { "advanced-captain@test.local", "advanced-member@test.local" })
        {
            var mail = await site.Smtp.WaitForAsync(member, m => m.Subject?.Contains("晋级通知") == true);
            Assert.Contains("“晋级队”的作品“甲作品”已晋级复赛", mail.TextBody);
            Assert.Contains("复赛作品提交时间：2020-11-12 00:00 至 2020-11-30 18:00", mail.TextBody);
        }
        var english = await site.Smtp.WaitForAsync("other-captain@test.local");
        Assert.Contains("落选队", english.Subject);
        Assert.Contains("did not advance to 复赛", english.TextBody);
        string[] people = ["advanced-captain@test.local", "advanced-member@test.local", "other-captain@test.local"];
        Assert.Equal(3, await site.WithDbAsync(db => db.Outbox.CountAsync(m => people.Contains(m.ToAddress))));
        Assert.Equal(1, await site.AuditCountAsync(NotifyAdvancement.AuditAction));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_mailings_of_one_round_at_the_same_moment_queue_each_mail_once(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AfterReview.AddMinutes(1));
        var advancedTeam = await site.TeamWithMembersAsync("晋级队", SiteBuilders.FirstTrack, "advanced-captain@test.local");
        var otherTeam = await site.TeamWithMembersAsync("落选队", SiteBuilders.FirstTrack, "other-captain@test.local");
        var advancedEntry = await site.EntryOfTeamAsync(advancedTeam, 1, "甲作品");
        await site.EntryOfTeamAsync(otherTeam, 1, "乙作品");
        using var organizer = await site.OrganizerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AdvanceAsync(organizer, $"/admin/judging/rounds/{(await site.FirstRoundAsync()).Id}/results", advancedEntry, true)).Status);

        var queued = await Task.WhenAll(NotifyAsync(site), NotifyAsync(site));

        Assert.Equal(2, queued.Sum());
        string[] people = ["advanced-captain@test.local", "other-captain@test.local"];
        Assert.Equal(2, await site.WithDbAsync(db => db.Outbox.CountAsync(m => people.Contains(m.ToAddress))));
        Assert.Equal(1, await site.AuditCountAsync(NotifyAdvancement.AuditAction));
    }

    private static async Task<int> NotifyAsync(SiteFactory site)
    {
        var queued = -1;
        await site.WithScopeAsync(async services =>
        {
            var contest = (await services.GetRequiredService<CurrentContest>().FindAsync())!;
            queued = await services.GetRequiredService<NotifyAdvancement>().EnqueueAsync(contest, contest.Rounds.Single(r => r.Sequence == 1));
        });
        return queued;
    }

    private static Task<SiteClient.Page> AdvanceAsync(SiteClient organizer, string url, int entry, bool advance) =>
        organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entry), ["advance"] = advance ? "true" : "false" }, url + "?handler=Advance");

    private static Task<SiteClient.Page> ConfirmedStepAsync(SiteClient organizer, string url, string handler) =>
        organizer.PostFormAsync(url, new Dictionary<string, string> { ["confirmed"] = "true" }, url + "?handler=" + handler);

    private static Task<int> AdvancementCountAsync(SiteFactory site) => site.WithDbAsync(db => db.Advancements.CountAsync());

    private static async Task<SiteClient.Page> ImportAsync(SiteClient organizer, string url, string csv)
    {
        var token = (await organizer.GetAsync(url)).AntiforgeryToken!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "assignments.csv" },
        };
        using var response = await organizer.Http.PostAsync(url + "?handler=Import", form);
        return await SiteClient.Page.ReadAsync(response);
    }
}
