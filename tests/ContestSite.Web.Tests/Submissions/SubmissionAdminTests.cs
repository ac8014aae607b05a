using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ContestSite.Core.Submissions;
using ContestSite.Web.Submissions.Uploads;
using ContestSite.Web.Tests.Files;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

public sealed class SubmissionAdminTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Organizers_list_entries_by_track_and_status_open_any_version_and_download_a_track_as_one_zip_and_their_reading_is_audited(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var first = await site.ApprovedTeamAsync("<i>一队</i>");
        using var second = await site.ApprovedTeamAsync("二队");
        var proposal = await first.Member.UploadOkAsync(first.RoundId, SubmissionFileKind.Proposal, "一队方案.pdf", Pdf);
        await first.Member.SaveAsync(first.RoundId, "一队初版", [proposal]);
        var keep = (await site.EntryAsync(first.Id))!.Versions.Single().Files.Single().Id;
        await first.Member.SaveAsync(first.RoundId, "一队终版", keep: [keep]);
        await first.Captain.FinaliseAsync(first.RoundId);
        await second.Member.SaveAsync(second.RoundId, "二队草稿");
        using var organizer = await site.OrganizerAsync();
        var trackId = await site.WithDbAsync(db => db.Teams.Where(t => t.Id == first.Id).Select(t => t.TrackId).SingleAsync());
        var entryId = (await site.EntryAsync(first.Id))!.Id;

        var finalised = await organizer.GetAsync($"/admin/submissions?roundId={first.RoundId}&trackId={trackId}&status=Finalised");
        var firstVersion = await organizer.GetAsync($"/admin/submissions/{entryId}?v=1");
        var export = await organizer.Http.GetAsync($"/admin/submissions/export?roundId={first.RoundId}&trackId={trackId}");
        var ownRead = await first.Member.Http.GetAsync($"/submissions/files/{keep}");
        var staffRead = await organizer.Http.GetAsync($"/submissions/files/{keep}");

        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.Equal(Pdf, await staffRead.Content.ReadAsByteArrayAsync());
        var opened = await site.AuditEntryAsync("submission.file-opened");
        Assert.Equal((first.Id, $"submission:{entryId}/file:{keep}", await site.OrganizerIdAsync()), (opened.TeamId, opened.Subject, opened.ActorId));
        Assert.Equal(1, await site.AuditCountAsync("submission.file-opened"));
        Assert.Equal($"round:{first.RoundId}/track:{trackId}", (await site.AuditEntryAsync("submission.entries-exported")).Subject);
        Assert.Contains("一队终版", finalised.Text);
        Assert.Contains("<i>一队</i>", finalised.Text);
        Assert.DoesNotContain("二队草稿", finalised.Text);
        Assert.Contains("一队初版", firstVersion.Text);
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        var entry = Assert.Single(zip.Entries);
        Assert.EndsWith("一队方案.pdf", entry.FullName);
        Assert.DoesNotContain("<", entry.FullName);
        Assert.Equal(Pdf.Length, entry.Length);
    }

    [Fact]
    public async Task A_contestant_cannot_open_the_organizer_pages_or_the_export()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();

        var list = await team.Member.Http.GetAsync("/admin/submissions");
        var export = await team.Member.Http.GetAsync($"/admin/submissions/export?roundId={team.RoundId}&trackId=1");

        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Without_javascript_the_form_posts_files_and_a_bad_one_is_refused_with_nothing_kept()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var storedBefore = site.StoredFileCount();

        var bad = await PostFormWithFileAsync(team, "伪装.pdf", "<html><body>hi</body></html>"u8.ToArray());
        Assert.Contains("伪装.pdf：文件内容是 HTML 网页，不是 PDF", bad.Text);
        Assert.Null(await site.EntryAsync(team.Id));
        Assert.Equal(0, await site.UploadCountAsync());
        Assert.Equal(storedBefore, site.StoredFileCount());

        var good = await PostFormWithFileAsync(team, "方案.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        Assert.Equal("方案.pdf", (await site.EntryAsync(team.Id))!.Versions.Single().Files.Single().FileName);
    }

    [Fact]
    public async Task Stale_uploads_and_orphan_staged_files_are_removed_by_the_cleanup()
    {
        await using var site = await SiteAsync(settings: s => s["ContestSite:Submissions:Uploads:StaleAfter"] = "01:00:00");
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "a.pdf", 1000, token));
        await team.Member.PatchAsync(id, 0, Pdf, token);
        var orphan = Path.Combine(site.AppDataPath, "staging", Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(orphan, new byte[10]);
        var stray = Path.Combine(site.AppDataPath, "staging", "half-written.tmp");
        await File.WriteAllBytesAsync(stray, new byte[10]);

        await site.Services.GetRequiredService<StagingCleanup>().RunOnceAsync();
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(stray));
        Assert.Equal(1, await site.UploadCountAsync());

        site.Clock.Advance(TimeSpan.FromHours(2));
        await site.Services.GetRequiredService<StagingCleanup>().RunOnceAsync();
        Assert.Equal(0, await site.UploadCountAsync());
        Assert.Equal(0, site.StagedBytes());
    }

    private static async Task<SiteClient.Page> PostFormWithFileAsync(TestTeam team, string name, byte[] content)
    {
        var token = await team.Member.TokenAsync(team.RoundId);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("无脚本提交"), "Input.Title" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Proposal", name);
        using var response = await team.Member.Http.PostAsync($"/submissions/{team.RoundId}?handler=Save", form);
        return await SiteClient.Page.ReadAsync(response);
    }
}
