using System.Net;
using System.Security.Cryptography;
using System.Text;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// One writer per upload. The attack: a second PATCH whose head arrives while the first chunk is on its way,
/// and whose body arrives after the upload was checked and stored, used to keep writing through its open
/// handle into the stored file. The site listens on a real port and the requests go out on raw sockets.
/// </summary>
public sealed class UploadRaceTests
{
    private static readonly byte[] Genuine = PdfOf("genuine proposal", 400_000);
    private static readonly byte[] Hostile = Encoding.ASCII.GetBytes("PK\u0003\u0004../../../../x.sh hostile bytes that were never checked");

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_second_patch_sent_while_the_first_streams_is_locked_out_and_its_late_body_changes_no_stored_byte(TestProvider provider)
    {
        await using var site = await SiteAsync(provider, realPort: true);
        using var team = await site.ApprovedTeamAsync();
        var member = await RawMemberAsync(site, team);
        var id = await IdOfAsync(await member.Client.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "方案.pdf", Genuine.Length, member.Token));

        var (second, refused) = await RaceAsync(site, member, id, Genuine);

        Assert.Equal(423, refused.Status);
        Assert.Contains("Retry-After:", refused.Head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("另一个请求正在写入这个上传", refused.Body);
        second.Dispose();
        var upload = await site.WithDbAsync(db => db.SubmissionUploads.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(SubmissionUploadStatus.Ready, upload.Status);
        Assert.Null(upload.LeaseOwner);
        Assert.Equal(Sha256(Genuine), upload.StorageKey);
        Assert.Equal(upload.StorageKey, Sha256(await File.ReadAllBytesAsync(site.StoredPath(upload.StorageKey!))));
        Assert.Equal(0, site.StagedBytes());
        await member.Client.SaveAsync(team.RoundId, "方案", [id]);
        var fileId = (await site.EntryAsync(team.Id))!.Versions.Single().Files.Single().Id;
        Assert.Equal(Genuine, await member.Client.Http.GetByteArrayAsync($"/submissions/files/{fileId}"));
    }

    [Fact]
    public async Task Team_A_racing_its_own_upload_cannot_poison_the_same_file_that_team_B_uploads_later()
    {
        await using var site = await SiteAsync(realPort: true);
        using var teamA = await site.ApprovedTeamAsync("甲队");
        using var teamB = await site.ApprovedTeamAsync("乙队");
        var attacker = await RawMemberAsync(site, teamA);
        var id = await IdOfAsync(await attacker.Client.StartUploadAsync(teamA.RoundId, SubmissionFileKind.Proposal, "模板.pdf", Genuine.Length, attacker.Token));
        var (second, refused) = await RaceAsync(site, attacker, id, Genuine);
        second.Dispose();

        var victimUpload = await teamB.Member.UploadOkAsync(teamB.RoundId, SubmissionFileKind.Proposal, "乙队方案.pdf", Genuine);
        await teamB.Member.SaveAsync(teamB.RoundId, "乙队作品", [victimUpload]);
        var fileId = (await site.EntryAsync(teamB.Id))!.Versions.Single().Files.Single().Id;
        var downloaded = await teamB.Member.Http.GetByteArrayAsync($"/submissions/files/{fileId}");

        Assert.Equal(423, refused.Status);
        Assert.Equal(Genuine, downloaded);
        var key = Sha256(Genuine);
        Assert.Equal(key, Sha256(await File.ReadAllBytesAsync(site.StoredPath(key))));
    }

    [Fact]
    public async Task A_chunk_for_an_upload_that_is_complete_is_refused_and_writes_nothing()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, "完成.pdf", Pdf);
        var key = Sha256(Pdf);

        var late = await team.Member.PatchAsync(id, Pdf.Length, Hostile, token);
        var rewrite = await team.Member.PatchAsync(id, 0, Hostile, token);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rewrite.StatusCode);
        Assert.Equal("这个上传已经完成、取消或正在检查，不再接收数据，这一块未保存", await ErrorOfAsync(rewrite));
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(site.StoredPath(key)));
        Assert.Equal(0, site.StagedBytes());
        Assert.Equal(SubmissionUploadStatus.Ready, (await site.WithDbAsync(db => db.SubmissionUploads.AsNoTracking().SingleAsync(u => u.Id == id))).Status);
    }

    [Fact]
    public async Task A_chunk_for_a_cancelled_upload_is_refused_and_writes_nothing()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "取消.pdf", 1000, token));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.PatchAsync(id, 0, Pdf, token)).StatusCode);
        using var cancel = new HttpRequestMessage(HttpMethod.Delete, $"/submissions/uploads/{id}");
        cancel.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.Http.SendAsync(cancel)).StatusCode);

        var late = await team.Member.PatchAsync(id, 0, Hostile, token);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(0, site.StagedBytes());
        Assert.Equal(SubmissionUploadStatus.Cancelled, (await site.WithDbAsync(db => db.SubmissionUploads.AsNoTracking().SingleAsync(u => u.Id == id))).Status);
    }

    [Fact]
    public async Task A_chunk_for_an_upload_being_checked_is_refused_and_writes_nothing()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "检查中.pdf", 1000, token));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.PatchAsync(id, 0, Pdf, token)).StatusCode);
        await site.WithDbAsync(db => db.SubmissionUploads.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, SubmissionUploadStatus.Checking)));

        var late = await team.Member.PatchAsync(id, Pdf.Length, Hostile, token);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(Pdf.Length, site.StagedBytes());
    }

    [Fact]
    public async Task An_upload_whose_writer_died_takes_chunks_again_once_its_lease_has_run_out()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "续传.pdf", Pdf.Length, token));
        var expires = site.Clock.GetUtcNow().AddSeconds(15);
        await site.WithDbAsync(db => db.SubmissionUploads.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LeaseOwner, "a-request-that-died").SetProperty(u => u.LeaseExpiresAt, expires)));

        var locked = await team.Member.PatchAsync(id, 0, Pdf, token);
        site.Clock.Advance(TimeSpan.FromSeconds(16));
        var resumed = await team.Member.PatchAsync(id, 0, Pdf, token);

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal("15", locked.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    [Fact]
    public async Task A_chunk_that_streams_longer_than_the_lease_keeps_it_and_completes_while_a_second_request_is_locked_out()
    {
        await using var site = await SiteAsync(realPort: true, settings: s => s["ContestSite:Submissions:Uploads:WriterLease"] = "00:00:05");
        using var team = await site.ApprovedTeamAsync();
        var member = await RawMemberAsync(site, team);
        var id = await IdOfAsync(await member.Client.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "慢.pdf", Genuine.Length, member.Token));
        using var first = await RawHttpRequest.SendHeadAsync(site.RootUri!, "PATCH", $"/submissions/uploads/{id}", Genuine.Length, member.Headers(0));
        var piece = Genuine.Length / 8;

        // Eight pieces a second apart: the chunk outlives its 5 s lease, which renewals keep.
        for (var i = 0; i < 7; i++)
        {
            await first.SendBodyAsync(Genuine.AsMemory(i * piece, piece));
            await Task.Delay(1000);
        }
        using var second = await RawHttpRequest.SendHeadAsync(site.RootUri!, "PATCH", $"/submissions/uploads/{id}", Hostile.Length, member.Headers(7 * piece));
        var refused = await second.ReadAnswerAsync(TimeSpan.FromSeconds(30));
        await first.SendBodyAsync(Genuine.AsMemory(7 * piece));
        var completed = await first.ReadAnswerAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(423, refused.Status);
        Assert.True(completed.Status == 200, completed.Body);
        Assert.Equal(Sha256(Genuine), await site.WithDbAsync(db => db.SubmissionUploads.Where(u => u.Id == id).Select(u => u.StorageKey).SingleAsync()));
    }

    /// <summary>
    /// The first PATCH sends its head and waits; once it holds the upload, the second PATCH sends its head
    /// (offset 0, as the first) and is answered; then the first sends its whole body and completes the upload,
    /// and only then does the second send its hostile body.
    /// </summary>
    private static async Task<(RawHttpRequest Second, (int Status, string Head, string Body) Refused)> RaceAsync(SiteFactory site, RawMember member, Guid id, byte[] content)
    {
        using var first = await RawHttpRequest.SendHeadAsync(site.RootUri!, "PATCH", $"/submissions/uploads/{id}", content.Length, member.Headers(0));
        await WaitForLeaseAsync(site, id);
        var second = await RawHttpRequest.SendHeadAsync(site.RootUri!, "PATCH", $"/submissions/uploads/{id}", Hostile.Length, member.Headers(0));
        var refused = await second.ReadAnswerAsync(TimeSpan.FromSeconds(30));

        await first.SendBodyAsync(content);
        var completed = await first.ReadAnswerAsync(TimeSpan.FromSeconds(60));
        Assert.True(completed.Status == 200, completed.Body);
        await second.SendBodyAsync(Hostile);
        await second.DrainAsync(TimeSpan.FromSeconds(2));
        return (second, refused);
    }

    private static async Task WaitForLeaseAsync(SiteFactory site, Guid id)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await site.WithDbAsync(db => db.SubmissionUploads.Where(u => u.Id == id).Select(u => u.LeaseOwner).SingleAsync()) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the first request never claimed the upload");
            await Task.Delay(20);
        }
    }

    private sealed record RawMember(SiteClient Client, string Cookie, string Token)
    {
        public (string, string)[] Headers(long offset) =>
        [
            ("Cookie", Cookie), ("RequestVerificationToken", Token), ("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Content-Type", "application/offset+octet-stream"),
        ];
    }

    /// <summary>The team's captain signed in on a client whose cookie the raw sockets can carry.</summary>
    private static async Task<RawMember> RawMemberAsync(SiteFactory site, TestTeam team)
    {
        var cookies = new CookieContainer();
        var client = site.NewClient(cookies);
        await client.SignInAsync(team.CaptainEmail, SiteBuilders.Password);
        var token = await client.TokenAsync(team.RoundId);
        return new RawMember(client, cookies.GetCookieHeader(site.RootUri!), token);
    }

    private static byte[] PdfOf(string text, int length)
    {
        var start = Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n");
        var end = Encoding.ASCII.GetBytes("\n%%EOF");
        var content = new byte[length];
        start.CopyTo(content, 0);
        for (var i = start.Length; i < length - end.Length; i++) content[i] = (byte)('a' + i % 26);
        end.CopyTo(content, length - end.Length);
        return content;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
