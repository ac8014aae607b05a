using System.Net;
using System.Net.Http.Headers;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.AdvancementTestKit;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>Only teams advanced into 复赛 may save, upload or finalise there; the refusal names the round and nothing is kept.</summary>
public sealed class AdvancementEnforcementTests
{
    private const string NotAdvanced = "您的团队未晋级复赛，不能提交作品";

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_team_not_advanced_is_refused_every_entry_action_in_the_second_round_and_nothing_is_created(TestProvider provider)
    {
        await using var site = await SiteAsync(provider, now: DuringSecondRound);
        using var team = await site.ApprovedTeamAsync();
        var roundId = await site.SecondRoundIdAsync();
        var storedBefore = site.StoredFileCount();

        var page = await team.Captain.GetAsync($"/submissions/{roundId}");
        var token = page.AntiforgeryToken!;
        var saved = await team.Captain.PostAsync($"/submissions/{roundId}?handler=Save", [new("Input.Title", "偷偷提交"), new("__RequestVerificationToken", token)]);
        var formUpload = await PostWithProposalAsync(team.Captain, roundId, token);
        var started = await team.Captain.StartUploadAsync(roundId, SubmissionFileKind.Proposal, "方案.pdf", Pdf.Length, token);
        var confirmation = await team.Captain.GetAsync($"/submissions/{roundId}/finalise");
        var finalised = await team.Captain.PostAsync($"/submissions/{roundId}?handler=Finalise", [new("confirmed", "true"), new("__RequestVerificationToken", token)]);
        var list = await team.Captain.GetAsync("/submissions");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(NotAdvanced, page.Text);
        Assert.DoesNotContain("data-upload-form", page.Html);
        Assert.DoesNotContain($"/submissions/{roundId}/finalise", page.Html);
        Assert.All([saved, formUpload, confirmation, finalised], answer => Assert.Contains(NotAdvanced, answer.Text));
        Assert.DoesNotContain("name=\"confirmed\"", confirmation.Html);
        Assert.Equal(HttpStatusCode.Forbidden, started.StatusCode);
        Assert.Equal(NotAdvanced, await ErrorOfAsync(started));
        Assert.Equal(2, Occurrences(list.Text, "未晋级"));
        Assert.Equal(0, await site.WithDbAsync(db => db.Submissions.CountAsync(s => s.TeamId == team.Id)));
        Assert.Equal(0, await site.UploadCountAsync());
        Assert.Equal(storedBefore, site.StoredFileCount());
        Assert.Equal(0, StagedBytesIfAny(site));
    }

    [Fact]
    public async Task An_advanced_team_uploads_saves_and_finalises_in_the_second_round()
    {
        await using var site = await SiteAsync(now: DuringSecondRound);
        using var team = await site.ApprovedTeamAsync();
        await site.AdvanceIntoSecondRoundAsync(team.Id);
        var roundId = await site.SecondRoundIdAsync();

        var proposal = await team.Member.UploadOkAsync(roundId, SubmissionFileKind.Proposal, "复赛方案.pdf", Pdf);
        var saved = await team.Member.SaveAsync(roundId, "复赛作品", [proposal]);
        var finalised = await team.Captain.FinaliseAsync(roundId);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Redirect, finalised.Status);
        var entry = await site.WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.TeamId == team.Id && s.RoundId == roundId));
        Assert.Equal((SubmissionStatus.Finalised, 1), (entry.Status, entry.CurrentVersionNumber));
        // Advanced into 复赛 only: 决赛 alone is marked.
        Assert.Equal(1, Occurrences((await team.Captain.GetAsync("/submissions")).Text, "未晋级"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Withdrawing_an_advancement_stops_an_upload_under_way_and_every_later_entry_action(TestProvider provider)
    {
        await using var site = await SiteAsync(provider, now: DuringSecondRound);
        using var team = await site.ApprovedTeamAsync();
        var firstRoundEntry = await site.AdvanceIntoSecondRoundAsync(team.Id);
        var roundId = await site.SecondRoundIdAsync();
        var token = await team.Captain.TokenAsync(roundId);
        var storedBefore = site.StoredFileCount();
        var uploadId = await IdOfAsync(await team.Captain.StartUploadAsync(roundId, SubmissionFileKind.Proposal, "复赛方案.pdf", Pdf.Length, token));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Captain.PatchAsync(uploadId, 0, Pdf[..10], token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await team.Captain.SaveAsync(roundId, "复赛草稿")).Status);

        using var organizer = await site.OrganizerAsync();
        var firstRound = await site.FirstRoundIdAsync();
        var withdrawn = await organizer.PostFormAsync($"/admin/judging/rounds/{firstRound}/results",
            new Dictionary<string, string> { ["submissionId"] = firstRoundEntry.ToString(System.Globalization.CultureInfo.InvariantCulture), ["advance"] = "false" },
            $"/admin/judging/rounds/{firstRound}/results?handler=Advance");
        var chunk = await team.Captain.PatchAsync(uploadId, 10, Pdf[10..11], token);
        var completion = await team.Captain.PatchAsync(uploadId, 10, Pdf[10..], token);
        var saved = await team.Captain.PostAsync($"/submissions/{roundId}?handler=Save", [new("Input.Title", "撤销后保存"), new("__RequestVerificationToken", token)]);
        var finalised = await team.Captain.FinaliseAsync(roundId);
        var page = await team.Captain.GetAsync($"/submissions/{roundId}");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal(1, await site.AuditCountAsync("judging.advancement-withdrawn"));
        foreach (var refused in new[] { chunk, completion })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(NotAdvanced, await ErrorOfAsync(refused));
        }
        Assert.All([saved, finalised, page], answer => Assert.Contains(NotAdvanced, answer.Text));
        var upload = await site.WithDbAsync(db => db.SubmissionUploads.AsNoTracking().SingleAsync(u => u.Id == uploadId));
        Assert.Equal(SubmissionUploadStatus.Receiving, upload.Status);
        Assert.Equal(10, StagedBytesIfAny(site));
        Assert.Equal(storedBefore, site.StoredFileCount());
        var entry = await site.WithDbAsync(db => db.Submissions.AsNoTracking().Include(s => s.Versions).SingleAsync(s => s.TeamId == team.Id && s.RoundId == roundId));
        Assert.Equal((SubmissionStatus.Draft, 1, "复赛草稿"), (entry.Status, entry.CurrentVersionNumber, entry.Versions.Single().Title));
    }

    [Fact]
    public async Task An_organizer_reopening_the_entry_of_a_team_no_longer_advanced_does_not_let_it_change_the_entry()
    {
        await using var site = await SiteAsync(now: DuringSecondRound);
        using var team = await site.ApprovedTeamAsync();
        await site.AdvanceIntoSecondRoundAsync(team.Id);
        var roundId = await site.SecondRoundIdAsync();
        await team.Captain.SaveAsync(roundId, "复赛定稿");
        Assert.Equal(HttpStatusCode.Redirect, (await team.Captain.FinaliseAsync(roundId)).Status);
        await site.WithDbAsync(db => db.Advancements.Where(a => a.TeamId == team.Id).ExecuteDeleteAsync());
        var entryId = await site.WithDbAsync(db => db.Submissions.Where(s => s.TeamId == team.Id && s.RoundId == roundId).Select(s => s.Id).SingleAsync());
        using var organizer = await site.OrganizerAsync();

        var reopened = await organizer.PostFormAsync($"/admin/submissions/{entryId}", new Dictionary<string, string> { ["reason"] = "补交材料" }, $"/admin/submissions/{entryId}?handler=Reopen");
        var saved = await team.Captain.SaveAsync(roundId, "重新开放后修改");

        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        Assert.Contains(NotAdvanced, saved.Text);
        var entry = await site.WithDbAsync(db => db.Submissions.AsNoTracking().SingleAsync(s => s.Id == entryId));
        Assert.Equal((SubmissionStatus.Draft, 1), (entry.Status, entry.CurrentVersionNumber));
    }

    private static async Task<SiteClient.Page> PostWithProposalAsync(SiteClient client, int roundId, string token)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("无脚本提交"), "Input.Title" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Proposal", "方案.pdf");
        using var response = await client.Http.PostAsync($"/submissions/{roundId}?handler=Save", form);
        return await SiteClient.Page.ReadAsync(response);
    }

    private static int Occurrences(string text, string words) => text.Split(words).Length - 1;

    private static long StagedBytesIfAny(SiteFactory site) =>
        Directory.Exists(Path.Combine(site.AppDataPath, "staging")) ? site.StagedBytes() : 0;
}
