using System.Net;
using System.Text;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

public sealed class AssignmentTests
{
    private static async Task<int> RoundIdAsync(SiteFactory site) => (await site.FirstRoundAsync()).Id;

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task One_click_gives_every_entry_three_judges_evenly_and_never_one_from_the_teams_organization(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var colleague = await site.JudgeAsync("colleague@test.local", organization: "浙江大学");
        for (var i = 0; i < 4; i++) await site.JudgeAsync($"judge{i}@test.local");
        var conflicted = await site.EntryAsync("浙大作品", organization: "浙江大学计算机学院");
        for (var i = 0; i < 4; i++) await site.EntryAsync($"作品{i}");
        using var organizer = await site.OrganizerAsync();
        var roundId = await RoundIdAsync(site);

        var assigned = await organizer.PostFormAsync($"/admin/judging/rounds/{roundId}", new Dictionary<string, string>(), $"/admin/judging/rounds/{roundId}?handler=Assign");

        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        var pairs = await site.WithDbAsync(db => db.Assignments.Select(a => new { a.JudgeUserId, a.SubmissionId }).ToListAsync());
        Assert.Equal(15, pairs.Count);
        Assert.All(pairs.GroupBy(p => p.SubmissionId), g => Assert.Equal(3, g.Count()));
        Assert.DoesNotContain(pairs, p => p.JudgeUserId == colleague && p.SubmissionId == conflicted);
        var loads = pairs.GroupBy(p => p.JudgeUserId).Select(g => g.Count()).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1);
        Assert.Equal(1, await site.AuditCountAsync("judging.assigned"));
        var page = await organizer.GetAsync($"/admin/judging/rounds/{roundId}");
        Assert.Contains("已分配 15 个评审任务", page.Text);
        Assert.DoesNotContain("无效", page.Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Asking_for_more_judges_than_an_entry_has_unconflicted_assigns_nothing_and_says_so(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.JudgeAsync("a@test.local");
        await site.JudgeAsync("b@test.local");
        await site.JudgeAsync("c@test.local", organization: "宁波大学");
        await site.EntryAsync("普通作品");
        var conflicted = await site.EntryAsync("宁大作品", organization: "宁波大学");
        using var organizer = await site.OrganizerAsync();
        var roundId = await RoundIdAsync(site);

        var refused = await organizer.PostFormAsync($"/admin/judging/rounds/{roundId}", new Dictionary<string, string>(), $"/admin/judging/rounds/{roundId}?handler=Assign");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"作品 {conflicted} 只有 2 位无利益冲突的评委，少于每件作品所需的 3 位；未做任何分配", refused.Text);
        Assert.Equal(0, await site.AssignmentCountAsync());
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_organizer_adds_and_removes_a_judge_by_hand_but_not_a_conflicted_one(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.JudgeAsync("judge@test.local");
        await site.JudgeAsync("colleague@test.local", organization: "杭州某科技公司");
        var entry = await site.EntryAsync("智慧公交");
        using var organizer = await site.OrganizerAsync();
        var roundId = await RoundIdAsync(site);
        var url = $"/admin/judging/rounds/{roundId}";

        var refused = await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entry), ["judgeEmail"] = "colleague@test.local" }, url + "?handler=Add");
        Assert.Contains("同一单位，存在利益冲突", refused.Text);
        Assert.Equal(0, await site.AssignmentCountAsync());

        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["submissionId"] = Id(entry), ["judgeEmail"] = "judge@test.local" }, url + "?handler=Add");
        var assignmentId = await site.WithDbAsync(db => db.Assignments.Select(a => a.Id).SingleAsync());
        await organizer.PostFormAsync(url, new Dictionary<string, string> { ["assignmentId"] = Id(assignmentId) }, url + "?handler=Remove");

        Assert.Equal(0, await site.AssignmentCountAsync());
        Assert.Equal(1, await site.AuditCountAsync("judging.assignment-added"));
        Assert.Equal(1, await site.AuditCountAsync("judging.assignment-removed"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Assignments_export_as_csv_and_an_import_with_one_bad_line_changes_nothing(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.JudgeAsync("judge@test.local");
        var entry = await site.EntryAsync("=HYPERLINK(\"x\")");
        using var organizer = await site.OrganizerAsync();
        var roundId = await RoundIdAsync(site);
        var url = $"/admin/judging/rounds/{roundId}";

        var bad = await ImportAsync(organizer, url, $"submission_id,judge_email\n{entry},judge@test.local\n{entry},nobody@test.local\n");
        Assert.Contains("第 3 行：找不到这位评委", bad.Text);
        Assert.Equal(0, await site.AssignmentCountAsync());

        var good = await ImportAsync(organizer, url, $"submission_id,judge_email\n{entry},JUDGE@test.local\n");
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        Assert.Equal(1, await site.AssignmentCountAsync());

        var csv = await organizer.GetAsync($"{url}/export/assignments.csv");
        Assert.Contains($"{entry},\"'=HYPERLINK(\"\"x\"\")\",judge@test.local", csv.Html);
    }

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

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task When_a_judge_withdraws_their_unscored_entries_go_to_other_judges(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        var leaving = await site.JudgeAsync("leaving@test.local");
        var staying = await site.JudgeAsync("staying@test.local");
        var entry = await site.EntryAsync("智慧公交");
        await site.AssignDirectAsync(leaving, entry);
        await site.WithDbAsync(db => db.Rounds.Where(r => r.Sequence == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.JudgesPerEntry, 1)));
        using var organizer = await site.OrganizerAsync();

        var withdrawn = await organizer.PostFormAsync("/admin/judging", new Dictionary<string, string> { ["judgeId"] = leaving }, "/admin/judging?handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal([staying], await site.WithDbAsync(db => db.Assignments.Select(a => a.JudgeUserId).ToListAsync()));
        Assert.NotNull(await site.WithDbAsync(db => db.JudgeProfiles.Where(p => p.UserId == leaving).Select(p => p.WithdrawnAt).SingleAsync()));
        Assert.Equal(1, await site.AuditCountAsync("judging.judge-withdrawn"));
    }
}
