using System.Net;
using ContestSite.Core.Submissions;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ContestSite.Web.Tests.Judging.JudgingTestKit;

namespace ContestSite.Web.Tests.Judging;

public sealed class ScreenshotTests
{
    [Fact]
    public async Task An_assigned_judge_sees_screenshots_inline_only_as_their_re_encoded_thumbnails_and_others_get_nothing()
    {
        await using var site = await SiteAsync();
        var judgeId = await site.JudgeAsync("judge@test.local");
        await site.JudgeAsync("stranger@test.local");
        var entry = await site.EntryAsync("带截图的作品");
        await site.AssignDirectAsync(judgeId, entry);
        var thumbnailBytes = "RIFF\0\0\0\0WEBPVP8 thumbnail"u8.ToArray();
        var fileId = await AddScreenshotWithThumbnailAsync(site, entry, thumbnailBytes);

        using var judge = await site.SignedInAsync("judge@test.local");
        var page = await judge.GetAsync($"/judging/entries/{entry}");
        using var thumbnail = await judge.Http.GetAsync($"/judging/entries/{entry}/files/{fileId}/thumbnails/320");
        var unmade = await judge.GetAsync($"/judging/entries/{entry}/files/{fileId}/thumbnails/777");
        using var stranger = await site.SignedInAsync("stranger@test.local");
        var strangers = await stranger.GetAsync($"/judging/entries/{entry}/files/{fileId}/thumbnails/320");

        Assert.Contains($"/judging/entries/{entry}/files/{fileId}/thumbnails/320 320w", System.Net.WebUtility.HtmlDecode(page.Html));
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Null(thumbnail.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", thumbnail.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(thumbnailBytes, await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, unmade.Status);
        Assert.Equal(HttpStatusCode.NotFound, strangers.Status);
    }

    private static async Task<int> AddScreenshotWithThumbnailAsync(SiteFactory site, int submissionId, byte[] thumbnailBytes)
    {
        StoredFile original = null!, thumbnail = null!;
        await site.WithScopeAsync(async services =>
        {
            var store = services.GetRequiredService<IFileStore>();
            original = await store.SaveAsync(new MemoryStream("original screenshot bytes"u8.ToArray()), 1_000_000);
            thumbnail = await store.SaveAsync(new MemoryStream(thumbnailBytes), 1_000_000);
        });
        return await site.WithDbAsync(async db =>
        {
            var version = await db.SubmissionVersions.SingleAsync(v => v.SubmissionId == submissionId);
            var file = new SubmissionFile
            {
                VersionId = version.Id, Kind = SubmissionFileKind.Screenshot, FileName = "首页.png", ContentType = "image/png",
                Length = original.Size, Sha256 = original.Sha256, StorageKey = original.Key,
            };
            db.SubmissionFiles.Add(file);
            db.SubmissionThumbnails.Add(new SubmissionThumbnail
            {
                SourceKey = original.Key, SlotWidth = 320, Width = 320, Height = 200, ContentType = "image/webp", StorageKey = thumbnail.Key, Length = thumbnail.Size,
            });
            await db.SaveChangesAsync();
            return file.Id;
        });
    }
}
