using System.Net;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// The tests where a team saves, finalises and is reopened each use a team of their own, on one site per provider; the
/// tests that move the clock, change the upload settings or race have their own.
/// </summary>
public sealed class SubmissionFlowTests(SubmissionFlowTests.DuringFirstRoundSites shared) : IClassFixture<SubmissionFlowTests.DuringFirstRoundSites>
{
    public sealed class DuringFirstRoundSites : SharedSites
    {
        protected override Task<SiteFactory> StartAsync(TestProvider provider) => SiteAsync(provider);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Each_save_makes_a_new_version_and_earlier_versions_stay_readable(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var team = await site.ApprovedTeamAsync();
        var proposal = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, "方案书.pdf", Pdf);

        var first = await team.Member.SaveAsync(team.RoundId, "第一版标题", [proposal]);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        var afterFirst = (await site.EntryAsync(team.Id))!;
        var fileId = afterFirst.Versions.Single().Files.Single().Id;
        var second = await team.Captain.SaveAsync(team.RoundId, "第二版标题", keep: [fileId]);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);

        var entry = (await site.EntryAsync(team.Id))!;
        Assert.Equal(2, entry.CurrentVersionNumber);
        Assert.Equal(["第一版标题", "第二版标题"], entry.Versions.OrderBy(v => v.Number).Select(v => v.Title));
        Assert.All(entry.Versions, v => Assert.Equal("方案书.pdf", v.Files.Single().FileName));
        Assert.Contains("第一版标题", (await team.Member.GetAsync($"/submissions/{team.RoundId}/versions/1")).Text);
        Assert.Contains("第 2 版", (await team.Member.GetAsync($"/submissions/{team.RoundId}")).Text);
        Assert.Equal(2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "submission.saved" && e.TeamId == team.Id)));
        Assert.Equal(0, await site.WithDbAsync(db => db.SubmissionUploads.CountAsync(u => u.TeamId == team.Id && u.Status != SubmissionUploadStatus.Used)));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_save_one_second_after_the_deadline_is_refused_and_changes_nothing(TestProvider provider)
    {
        await using var site = await SiteAsync(provider, now: HourBeforeFirstDeadline);
        using var team = await site.ApprovedTeamAsync();
        await team.Member.SaveAsync(team.RoundId, "截止前");
        var token = await team.Member.TokenAsync(team.RoundId);
        site.Clock.SetUtcNow(FirstRoundCloses.AddSeconds(1));

        var late = await team.Member.PostAsync($"/submissions/{team.RoundId}?handler=Save",
            [new("Input.Title", "截止后"), new("__RequestVerificationToken", token)]);

        Assert.Contains("提交已截止：初赛的截止时间为 2020-10-31 18:00", late.Text);
        var entry = (await site.EntryAsync(team.Id))!;
        Assert.Equal(1, entry.CurrentVersionNumber);
        Assert.Equal("截止前", entry.Versions.Single().Title);
        var lateUpload = await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "a.pdf", Pdf.Length, token);
        Assert.Equal(HttpStatusCode.Forbidden, lateUpload.StatusCode);
        Assert.Contains("提交已截止", await ErrorOfAsync(lateUpload));
    }

    [Fact]
    public async Task An_upload_started_before_the_deadline_may_finish_and_be_saved_within_the_grace_period()
    {
        await using var site = await SiteAsync(settings: s => s["ContestSite:Submissions:Uploads:GracePeriod"] = "00:10:00", now: HourBeforeFirstDeadline);
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        site.Clock.SetUtcNow(FirstRoundCloses.AddSeconds(-1));
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "late.pdf", Pdf.Length, token));
        site.Clock.SetUtcNow(FirstRoundCloses.AddMinutes(5));

        var finished = await team.Member.PatchAsync(id, 0, Pdf, token);
        var saved = await team.Member.PostAsync($"/submissions/{team.RoundId}?handler=Save",
            [new("Input.Title", "宽限期内"), new("Input.UploadIds", id.ToString()), new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("宽限期内", (await site.EntryAsync(team.Id))!.Versions.Single().Title);
        site.Clock.SetUtcNow(FirstRoundCloses.AddMinutes(11));
        var afterGrace = await team.Member.PostAsync($"/submissions/{team.RoundId}?handler=Save",
            [new("Input.Title", "宽限期后"), new("__RequestVerificationToken", token)]);
        Assert.Contains("提交已截止", afterGrace.Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_finalisations_at_the_same_moment_make_exactly_one(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var team = await site.ApprovedTeamAsync();
        await team.Member.SaveAsync(team.RoundId, "并发定稿");
        using var secondSession = site.CreateSiteClient();
        await secondSession.SignInAsync(team.CaptainEmail, SiteBuilders.Password);
        var tokens = await Task.WhenAll(team.Captain.TokenAsync(team.RoundId), secondSession.TokenAsync(team.RoundId));

        var answers = await Task.WhenAll(
            team.Captain.PostAsync($"/submissions/{team.RoundId}?handler=Finalise", [new("confirmed", "true"), new("__RequestVerificationToken", tokens[0])]),
            secondSession.PostAsync($"/submissions/{team.RoundId}?handler=Finalise", [new("confirmed", "true"), new("__RequestVerificationToken", tokens[1])]));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Text.Contains("已经定稿") || a.Text.Contains("已定稿"));
        Assert.Equal(SubmissionStatus.Finalised, (await site.EntryAsync(team.Id))!.Status);
        Assert.Equal(1, await site.AuditCountAsync("submission.finalised"));
    }

    [Fact]
    public async Task Only_the_captain_finalises_and_a_member_is_told_so()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var team = await site.ApprovedTeamAsync();
        await team.Member.SaveAsync(team.RoundId, "队员不能定稿");

        var refused = await team.Member.FinaliseAsync(team.RoundId);

        Assert.Contains("只有队长可以定稿", refused.Text);
        Assert.Equal(SubmissionStatus.Draft, (await site.EntryAsync(team.Id))!.Status);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_finalised_entry_is_locked_until_an_organizer_reopens_it_and_the_receipt_lists_each_file_with_size_and_hash(TestProvider provider)
    {
        var site = await shared.ForAsync(provider);
        using var team = await site.ApprovedTeamAsync();
        var proposal = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, "回执.pdf", Pdf);
        await team.Member.SaveAsync(team.RoundId, "回执测试", [proposal]);
        var token = await team.Member.TokenAsync(team.RoundId);

        Assert.Equal(HttpStatusCode.Redirect, (await team.Captain.FinaliseAsync(team.RoundId)).Status);
        var receipt = await site.Smtp.WaitForAsync(team.CaptainEmail, m => m.Subject?.Contains("定稿回执") == true);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf));
        Assert.Contains("回执.pdf", receipt.TextBody);
        Assert.Contains($"{Pdf.Length} 字节", receipt.TextBody);
        Assert.Contains(sha, receipt.TextBody);

        var locked = await team.Member.PostAsync($"/submissions/{team.RoundId}?handler=Save", [new("Input.Title", "定稿后"), new("__RequestVerificationToken", token)]);
        Assert.Contains("作品已定稿，不能再修改", locked.Text);
        Assert.Equal(1, (await site.EntryAsync(team.Id))!.CurrentVersionNumber);

        using var organizer = await site.OrganizerAsync();
        var entryId = (await site.EntryAsync(team.Id))!.Id;
        await organizer.PostFormAsync($"/admin/submissions/{entryId}", new Dictionary<string, string> { ["reason"] = "补交材料" }, $"/admin/submissions/{entryId}?handler=Reopen");
        Assert.Equal(SubmissionStatus.Draft, (await site.EntryAsync(team.Id))!.Status);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "submission.reopened" && e.TeamId == team.Id && e.Detail == "补交材料")));
        Assert.Equal(HttpStatusCode.Redirect, (await team.Member.SaveAsync(team.RoundId, "重新开放后")).Status);
    }

    [Fact]
    public async Task A_team_that_is_not_approved_cannot_save()
    {
        var site = await shared.ForAsync(TestProvider.Sqlite);
        using var team = await site.ApprovedTeamAsync();
        await site.WithDbAsync(db => db.Teams.Where(t => t.Id == team.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Core.Teams.TeamStatus.Submitted)));

        var refused = await team.Member.SaveAsync(team.RoundId, "未审核");

        Assert.Contains("团队通过审核后才能提交作品", refused.Text);
        Assert.Null(await site.EntryAsync(team.Id));
    }
}
