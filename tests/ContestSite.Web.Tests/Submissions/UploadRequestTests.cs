using System.Net;
using ContestSite.Core.Submissions;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>The upload endpoints' own refusals: the antiforgery token, and cancelling while another request writes.</summary>
public sealed class UploadRequestTests
{
    [Fact]
    public async Task Upload_requests_without_the_page_token_are_refused_and_change_nothing()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "a.pdf", 1000, token));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.PatchAsync(id, 0, Pdf, token)).StatusCode);

        using var start = await team.Member.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/submissions/uploads")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { roundId = team.RoundId, kind = "Proposal", fileName = "b.pdf", length = 1000 }),
        });
        using var chunk = new HttpRequestMessage(HttpMethod.Patch, $"/submissions/uploads/{id}") { Content = new ByteArrayContent(new byte[100]) };
        chunk.Headers.Add("Upload-Offset", Pdf.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        chunk.Content.Headers.ContentType = new("application/offset+octet-stream");
        using var patch = await team.Member.Http.SendAsync(chunk);
        using var delete = await team.Member.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/submissions/uploads/{id}"));
        // What a page on another site can send with the member's cookie: a plain form post.
        using var forged = await team.Member.Http.PostAsync("/submissions/uploads", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["roundId"] = team.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["kind"] = "Proposal", ["fileName"] = "c.pdf", ["length"] = "1000",
        }));
        using var head = await team.Member.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/submissions/uploads/{id}"));

        foreach (var refused in new[] { start, patch, delete })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("页面已过期，请刷新页面后重试", await ErrorOfAsync(refused));
        }
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode); // reading where an upload stands needs no token
        Assert.Equal(1, await site.UploadCountAsync());
        Assert.Equal(Pdf.Length, site.StagedBytes());
        Assert.Equal(SubmissionUploadStatus.Receiving, (await site.WithDbAsync(db => db.SubmissionUploads.AsNoTracking().SingleAsync(u => u.Id == id))).Status);
    }

    [Fact]
    public async Task Cancelling_an_upload_that_another_request_writes_is_refused_with_a_retry_time_and_works_once_the_lease_has_run_out()
    {
        await using var site = await SiteAsync();
        using var team = await site.ApprovedTeamAsync();
        var token = await team.Member.TokenAsync(team.RoundId);
        var id = await IdOfAsync(await team.Member.StartUploadAsync(team.RoundId, SubmissionFileKind.Proposal, "取消.pdf", 1000, token));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Member.PatchAsync(id, 0, Pdf, token)).StatusCode);
        var expires = site.Clock.GetUtcNow().AddSeconds(15);
        await site.WithDbAsync(db => db.SubmissionUploads.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LeaseOwner, "a-request-still-writing").SetProperty(u => u.LeaseExpiresAt, expires)));

        using var locked = await team.Member.Http.SendAsync(Delete(id, token));
        var whileLocked = (await site.WithDbAsync(db => db.SubmissionUploads.AsNoTracking().SingleAsync(u => u.Id == id))).Status;
        var stagedWhileLocked = site.StagedBytes();
        site.Clock.Advance(TimeSpan.FromSeconds(16));
        using var cancelled = await team.Member.Http.SendAsync(Delete(id, token));
        using var head = await team.Member.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/submissions/uploads/{id}"));

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Equal("15", locked.Headers.GetValues("Retry-After").Single());
        Assert.Equal("另一个请求正在写入这个上传，请稍后再取消", await ErrorOfAsync(locked));
        Assert.Equal(SubmissionUploadStatus.Receiving, whileLocked);
        Assert.Equal(Pdf.Length, stagedWhileLocked);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(0, site.StagedBytes());
    }

    private static HttpRequestMessage Delete(Guid id, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/submissions/uploads/{id}");
        request.Headers.Add("RequestVerificationToken", token);
        return request;
    }
}
