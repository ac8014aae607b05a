using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContestSite.Core.Submissions;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// The content store is write-once: stored files are read-only, a file whose bytes no longer match its hash
/// is never served (the refusal is audited and mailed to the audit log's readers), and deduplication never
/// links a new upload to such a file. Downloads carry the extension of the detected type.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoredFileIntegrityTests
{
    private static readonly byte[] Proposal = Encoding.ASCII.GetBytes("%PDF-1.7\n% integrity\n1 0 obj\n<<>>\nendobj\n%%EOF");

    [Fact]
    public async Task A_stored_file_is_read_only()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();

        await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, "只读.pdf", Proposal);

        var mode = File.GetUnixFileMode(site.StoredPath(Key(Proposal)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, mode);
    }

    [Fact]
    public async Task A_stored_file_changed_on_disk_is_refused_on_download_audited_and_mailed_to_the_audit_readers()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var fileId = await SavedFileAsync(site, team, Proposal);
        Assert.Equal(Proposal, await team.Member.Http.GetByteArrayAsync($"/submissions/files/{fileId}"));

        Tamper(site.StoredPath(Key(Proposal)));
        var refused = await team.Member.Http.GetAsync($"/submissions/files/{fileId}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("文件校验失败", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("hostile", await refused.Content.ReadAsStringAsync());
        var audited = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == StoredFileAlarm.Action));
        Assert.Equal($"file:{Key(Proposal)}", audited.Subject);
        Assert.Equal("refused", audited.Outcome);
        var mail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => (m.Subject ?? "").Contains("存储文件校验失败"));
        Assert.Contains(Key(Proposal), mail.TextBody ?? "");
    }

    [Fact]
    public async Task An_organizer_export_leaves_out_a_changed_file_and_raises_the_alarm()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        await SavedFileAsync(site, team, Proposal);
        Tamper(site.StoredPath(Key(Proposal)));
        using var organizer = await site.OrganizerAsync();
        var trackId = await site.WithDbAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.TrackId).SingleAsync());

        var export = await organizer.Http.GetByteArrayAsync($"/admin/submissions/export?roundId={team.RoundId}&trackId={trackId}");

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(export));
        Assert.Empty(zip.Entries);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == StoredFileAlarm.Action)));
    }

    [Fact]
    public async Task Deduplication_replaces_a_changed_stored_file_so_the_next_team_downloads_its_own_bytes()
    {
        await using var site = await SiteAsync();
        using var teamA = await site.ApprovedTeamAsync("甲队");
        using var teamB = await site.ApprovedTeamAsync("乙队");
        await teamA.Member.UploadOkAsync(teamA.RoundId, SubmissionFileKind.Proposal, "模板.pdf", Proposal);
        Tamper(site.StoredPath(Key(Proposal)));

        var fileId = await SavedFileAsync(site, teamB, Proposal);
        var downloaded = await teamB.Member.Http.GetByteArrayAsync($"/submissions/files/{fileId}");

        Assert.Equal(Proposal, downloaded);
        Assert.Equal(Proposal, await File.ReadAllBytesAsync(site.StoredPath(Key(Proposal))));
    }

    [Fact]
    public async Task A_pdf_uploaded_as_hta_is_named_pdf_in_the_team_download_the_version_page_and_the_organizer_export()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var fileId = await SavedFileAsync(site, team, Proposal, "proposal.hta");
        using var organizer = await site.OrganizerAsync();
        var trackId = await site.WithDbAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.TrackId).SingleAsync());

        var response = await team.Member.Http.GetAsync($"/submissions/files/{fileId}");
        var version = await team.Member.GetAsync($"/submissions/{team.RoundId}/versions/1");
        var export = await organizer.Http.GetByteArrayAsync($"/admin/submissions/export?roundId={team.RoundId}&trackId={trackId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("proposal.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("proposal.pdf", version.Text);
        Assert.DoesNotContain("proposal.hta", version.Text);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(export));
        var entry = Assert.Single(zip.Entries);
        Assert.EndsWith(".pdf", entry.FullName, StringComparison.Ordinal);
        Assert.DoesNotContain(".hta", entry.FullName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_file_left_by_a_crash_before_its_commit_is_removed_by_the_cleanup()
    {
        await using var site = await SiteAsync();
        var folder = Directory.CreateDirectory(Path.Combine(site.AppDataPath, "tmp", "pending")).FullName;
        var abandoned = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        var inFlight = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(abandoned, Proposal);
        await File.WriteAllBytesAsync(inFlight, Proposal);
        File.SetLastWriteTimeUtc(abandoned, site.Clock.GetUtcNow().UtcDateTime.AddDays(-3));
        File.SetLastWriteTimeUtc(inFlight, site.Clock.GetUtcNow().UtcDateTime);

        await site.WithScopeAsync(services => services.GetRequiredService<ContestSite.Web.Submissions.Uploads.StagingCleanup>().RunOnceAsync());

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(inFlight));
    }

    private static async Task<int> SavedFileAsync(SiteFactory site, TestTeam team, byte[] content, string name = "方案.pdf")
    {
        var upload = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, name, content);
        await team.Member.SaveAsync(team.RoundId, "完整性", [upload]);
        return (await site.EntryAsync(team.Id))!.Versions.Single().Files.Single().Id;
    }

    /// <summary>
    /// What an intruder with access to the disk does: make the file writable again, change bytes in place (same
    /// length), and put its modification time back so that nothing looks different from outside.
    /// </summary>
    private static void Tamper(string path)
    {
        var modified = File.GetLastWriteTimeUtc(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 10;
            file.Write(Encoding.ASCII.GetBytes("hostile"));
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetLastWriteTimeUtc(path, modified);
    }

    private static string Key(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
