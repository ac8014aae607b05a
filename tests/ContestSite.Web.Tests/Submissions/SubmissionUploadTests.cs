using System.Net;
using System.Security.Cryptography;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Files;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// Most tests share one site in the first round, each with a team and uploads of its own, and compare what the site keeps
/// (uploads, staged bytes, stored files) with the moment before they acted; a test that changes the site's settings or runs
/// on both providers has a site of its own.
/// </summary>
public sealed class SubmissionUploadTests(SubmissionUploadTests.InFirstRound shared) : IClassFixture<SubmissionUploadTests.InFirstRound>
{
    public sealed class InFirstRound : SharedSite
    {
        protected override Task<SiteFactory> StartAsync() => SiteAsync();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_file_that_breaks_off_part_way_resumes_from_the_offset_the_site_reports(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var team = await site.ApprovedTeamAsync();
        var content = TestZips.WithFiles(("src/main.py", RandomNumberGenerator.GetBytes(300_000)));
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.SourcePackage, "源代码.zip", content.Length, token));

        var first = await team.Member.PatchAsync(id, 0, content[..100_000], token);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        using var head = await team.Member.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/submissions/uploads/{id}"));
        var offset = long.Parse(head.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var rest = await team.Member.PatchAsync(id, offset, content[(int)offset..], token, SHA256.HashData(content.AsSpan((int)offset)));

        Assert.Equal(100_000, offset);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var upload = await site.WithDbAsync(db => db.SubmissionUploads.SingleAsync(u => u.Id == id));
        Assert.Equal(SubmissionUploadStatus.Ready, upload.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), upload.StorageKey);
        Assert.Equal(0, site.StagedBytes());
    }

    [Fact]
    public async Task A_chunk_at_the_wrong_offset_is_refused_and_nothing_of_it_is_kept()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var stagedBefore = site.StagedBytes();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "a.pdf", 1000, token));
        await team.Member.PatchAsync(id, 0, Pdf, token);

        var wrong = await team.Member.PatchAsync(id, 500, new byte[100], token);

        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Equal($"上传位置不一致：服务器已收到 {Pdf.Length} 字节，请从这里继续", await ErrorOfAsync(wrong));
        Assert.Equal(stagedBefore + Pdf.Length, site.StagedBytes());
    }

    [Fact]
    public async Task A_chunk_whose_checksum_does_not_match_is_discarded()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var stagedBefore = site.StagedBytes();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "a.pdf", Pdf.Length, token));

        var corrupted = await team.Member.PatchAsync(id, 0, Pdf, token, SHA256.HashData("something else"u8));

        Assert.Equal(HttpStatusCode.BadRequest, corrupted.StatusCode);
        Assert.Equal("0", corrupted.Headers.GetValues("Upload-Offset").Single());
        Assert.Equal("这一块的校验值不符，已丢弃，请重新发送这一块", await ErrorOfAsync(corrupted));
        Assert.Equal(stagedBefore, site.StagedBytes());
        Assert.Equal(SubmissionUploadStatus.Receiving, (await site.WithDbAsync(db => db.SubmissionUploads.SingleAsync(u => u.Id == id))).Status);
    }

    [Fact]
    public async Task A_body_larger_than_the_declared_length_is_refused_and_nothing_is_kept()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var stagedBefore = site.StagedBytes();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "small.pdf", 100, token));

        var tooLong = await team.Member.PatchAsync(id, 0, new byte[2 * 1024 * 1024], token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Equal("这一块超出了文件声明的长度（100 字节），未保存", await ErrorOfAsync(tooLong));
        Assert.Equal(stagedBefore, site.StagedBytes());
    }

    [Fact]
    public async Task A_file_declared_larger_than_its_kind_allows_is_refused_before_any_byte_is_sent()
    {
        await using var site = await SiteAsync(settings: s => s["ContestSite:Submissions:Files:ProposalMaxMegabytes"] = "1");
        using var team = await site.ApprovedTeamAsync();

        var refused = await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "big.pdf", 2 * 1024 * 1024);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("方案书不能超过 1 MB（此文件 2 MB）", await ErrorOfAsync(refused));
        Assert.Equal(0, await site.UploadCountAsync());
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_refused()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var stagedBefore = site.StagedBytes();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "a.pdf", Pdf.Length, token));
        var unsized = new StreamContent(new NonSeekableStream(Pdf));

        var refused = await team.Member.PatchAsync(id, 0, unsized, token);

        Assert.Equal(HttpStatusCode.LengthRequired, refused.StatusCode);
        Assert.Equal("请求必须注明长度（Content-Length），不接受没有长度的分块请求", await ErrorOfAsync(refused));
        Assert.Equal(stagedBefore, site.StagedBytes());
    }

    /// <summary>The dangerous files by name; each file is made only when its test runs, not each time the tests are listed.</summary>
    public static TheoryData<string> DangerousFiles() => new(Dangerous.Keys);

    private static readonly Dictionary<string, (SubmissionFileKind Kind, string Name, Func<byte[]> Content, string Message)> Dangerous = new()
    {
        ["zip bomb"] = (SubmissionFileKind.SourcePackage, "bomb.zip", () => TestZips.Bomb, "压缩"),
        ["zip with ../ entry"] = (SubmissionFileKind.SourcePackage, "escape.zip", () => TestZips.WithFiles(("../../etc/passwd", "x"u8.ToArray())), ".."),
        ["zip with absolute entry"] = (SubmissionFileKind.SourcePackage, "absolute.zip", () => TestZips.WithFiles(("/etc/passwd", "x"u8.ToArray())), "/etc/passwd"),
        ["PNG claiming 50000×50000"] = (SubmissionFileKind.Screenshot, "huge.png", () => TestImages.PngHeaderOnly(50_000, 50_000), "50000"),
        ["GIF renamed .png with 10,000 frames"] = (SubmissionFileKind.Screenshot, "frames.png", () => TestImages.Gif(10_000), "GIF"),
        ["TIFF renamed .png"] = (SubmissionFileKind.Screenshot, "photo.png", TestImages.Tiff, "文件内容是 TIFF 图片，不是 PNG、JPEG 或 WebP 图片"),
        ["HTML renamed .pdf"] = (SubmissionFileKind.Proposal, "proposal.pdf", () => "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), "文件内容是 HTML 网页，不是 PDF"),
        ["SVG with script"] = (SubmissionFileKind.Screenshot, "logo.svg", TestImages.SvgWithScript, "文件内容是 SVG 图形，不是 PNG、JPEG 或 WebP 图片"),
    };

    [Theory]
    [MemberData(nameof(DangerousFiles))]
    public async Task A_dangerous_file_is_refused_with_a_clear_message_and_nothing_is_kept(string what)
    {
        var (kind, name, content, message) = Dangerous[what];
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var (uploadsBefore, stagedBefore, storedBefore) = (await site.UploadCountAsync(), site.StagedBytes(), site.StoredFileCount());

        var (_, response) = await team.Member.UploadAsync(team.RoundId, kind, name, content());

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, what);
        Assert.Contains(message, await ErrorOfAsync(response));
        Assert.Equal(uploadsBefore, await site.UploadCountAsync());
        Assert.Equal(stagedBefore, site.StagedBytes());
        Assert.Equal(storedBefore, site.StoredFileCount());
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("evil\0name.pdf", "evilname.pdf")]
    [InlineData("invoice\u202Efdp.exe.pdf", "invoicefdp.exe.pdf")]
    public async Task Names_are_cleaned_before_they_are_kept(string sent, string kept)
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();

        var id = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, sent, Pdf);

        Assert.Equal(kept, (await site.WithDbAsync(db => db.SubmissionUploads.SingleAsync(u => u.Id == id))).FileName);
    }

    [Fact]
    public async Task A_name_of_300_characters_is_shortened_and_keeps_its_extension()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();

        var id = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, new string('长', 296) + ".pdf", Pdf);

        var name = (await site.WithDbAsync(db => db.SubmissionUploads.SingleAsync(u => u.Id == id))).FileName;
        Assert.True(name.Length <= 100);
        Assert.EndsWith(".pdf", name);
    }

    [Fact]
    public async Task Team_A_can_neither_read_nor_replace_team_B_files_by_id()
    {
        var site = shared.Site;
        using var teamA = await site.ApprovedTeamAsync("甲队");
        using var teamB = await site.ApprovedTeamAsync("乙队");
        var stagedBefore = site.StagedBytes();
        var upload = await teamB.Member.UploadOkAsync(teamB.RoundId, SubmissionFileKind.Proposal, "乙.pdf", Pdf);
        await teamB.Member.SaveAsync(teamB.RoundId, "乙队作品", [upload]);
        var fileId = (await site.EntryAsync(teamB.Id))!.Versions.Single().Files.Single().Id;
        var tokenB = await teamB.Member.TokenAsync(teamB.RoundId);
        var pending = await IdOfAsync(await teamB.Member.StartUploadAsync(teamB.RoundId, SubmissionFileKind.Proposal, "b2.pdf", Pdf.Length, tokenB));
        var tokenA = await teamA.Member.TokenAsync(teamA.RoundId);

        var read = await teamA.Member.Http.GetAsync($"/submissions/files/{fileId}");
        var replace = await teamA.Member.PatchAsync(pending, 0, Pdf, tokenA);
        var take = await teamA.Member.SaveAsync(teamA.RoundId, "偷用", [upload]);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replace.StatusCode);
        Assert.Contains("有文件尚未上传完成或已被使用", take.Text);
        Assert.Equal(stagedBefore, site.StagedBytes());
        Assert.Null(await site.EntryAsync(teamA.Id));
        Assert.Equal(HttpStatusCode.OK, (await teamB.Member.Http.GetAsync($"/submissions/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task A_file_is_served_as_an_attachment_with_its_stored_type_and_nosniff()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var upload = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Proposal, "方案.pdf", Pdf);
        await team.Member.SaveAsync(team.RoundId, "下载测试", [upload]);
        var fileId = (await site.EntryAsync(team.Id))!.Versions.Single().Files.Single().Id;

        var response = await team.Captain.Http.GetAsync($"/submissions/files/{fileId}");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_screenshot_gets_re_encoded_thumbnails_that_are_the_only_inline_images()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var png = TestImages.Png(800, 600);
        var upload = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.Screenshot, "界面.png", png);
        await team.Member.SaveAsync(team.RoundId, "缩略图", [upload]);
        var fileId = (await site.EntryAsync(team.Id))!.Versions.Single().Files.Single().Id;

        HttpResponseMessage thumbnail;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await Task.Delay(100);
            thumbnail = await team.Member.Http.GetAsync($"/submissions/files/{fileId}/thumbnails/320");
        }
        while (thumbnail.StatusCode == HttpStatusCode.NotFound && waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Null(thumbnail.Content.Headers.ContentDisposition);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Member.Http.GetAsync($"/submissions/files/{fileId}/thumbnails/333")).StatusCode);
        Assert.Equal("attachment", (await team.Member.Http.GetAsync($"/submissions/files/{fileId}")).Content.Headers.ContentDisposition!.DispositionType);
    }

    /// <summary>A stream whose length is unknown, so the client must send it chunked.</summary>
    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
