using System.Net;
using System.Text.RegularExpressions;
using ContestSite.Core.Submissions;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>The widths that are not found share one site with one published screenshot; the other tests have their own.</summary>
public sealed partial class GalleryImageTests(GalleryImageTests.OneScreenshot shared) : IClassFixture<GalleryImageTests.OneScreenshot>
{
    /// <summary>An entry whose screenshot has thumbnails recorded at 100, 320 and 640 pixels.</summary>
    public sealed class OneScreenshot : SharedSite
    {
        public int EntryId { get; private set; }
        public int FileId { get; private set; }

        protected override async Task<SiteFactory> StartAsync()
        {
            var site = await JudgingTestKit.SiteAsync();
            using var organizer = await site.OrganizerAsync();
            // 100 has a thumbnail recorded but is not an allowed size; 1280 is allowed but was not made.
            (EntryId, FileId) = await PublishedWithScreenshotAsync(site, organizer, "电梯安全", 100, 320, 640);
            return site;
        }
    }

    private static byte[] ThumbnailBytes(int width) => System.Text.Encoding.ASCII.GetBytes($"RIFF\0\0\0\0WEBPVP8 thumbnail {width}");

    /// <summary>A screenshot in the given version of a submission, with a re-encoded thumbnail recorded at each width given; returns the file id.</summary>
    private static async Task<int> AddScreenshotAsync(SiteFactory site, int submissionId, int versionNumber, params int[] widths)
    {
        var original = await SaveAsync(site, Guid.NewGuid().ToByteArray());
        var thumbnails = new List<(int Width, StoredFile File)>();
        foreach (var width in widths) thumbnails.Add((width, await SaveAsync(site, ThumbnailBytes(width))));
        return await site.WithDbAsync(async db =>
        {
            var version = await db.SubmissionVersions.SingleOrDefaultAsync(v => v.SubmissionId == submissionId && v.Number == versionNumber);
            if (version is null)
            {
                version = new SubmissionVersion { SubmissionId = submissionId, Number = versionNumber, Title = "新版本", SavedAt = site.Clock.GetUtcNow(),
                    SavedByUserId = await db.SubmissionVersions.Where(v => v.SubmissionId == submissionId).Select(v => v.SavedByUserId).FirstAsync() };
                db.SubmissionVersions.Add(version);
                await db.SaveChangesAsync();
            }
            var file = new SubmissionFile
            {
                VersionId = version.Id, Kind = SubmissionFileKind.Screenshot, FileName = "首页.png", ContentType = "image/png",
                Length = original.Size, Sha256 = original.Sha256, StorageKey = original.Key,
            };
            db.SubmissionFiles.Add(file);
            foreach (var (width, stored) in thumbnails)
                db.SubmissionThumbnails.Add(new SubmissionThumbnail
                {
                    SourceKey = original.Key, SlotWidth = width, Width = width, Height = width / 2, ContentType = "image/webp", StorageKey = stored.Key, Length = stored.Size,
                });
            await db.SaveChangesAsync();
            return file.Id;
        });
    }

    private static async Task<StoredFile> SaveAsync(SiteFactory site, byte[] content)
    {
        StoredFile stored = null!;
        await site.WithScopeAsync(async services => stored = await services.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(content), 1_000_000));
        return stored;
    }

    private static async Task<(int EntryId, int FileId)> PublishedWithScreenshotAsync(SiteFactory site, SiteClient organizer, string title, params int[] widths)
    {
        var submissionId = await site.EntryAsync(title);
        var fileId = await AddScreenshotAsync(site, submissionId, 1, widths);
        var published = await organizer.PublishAsync(GalleryTestKit.PublishFields(submissionId, title));
        Assert.True(published.Status == HttpStatusCode.Redirect, published.Text);
        return (await site.EntryIdAsync(submissionId), fileId);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_published_entrys_screenshot_is_served_as_its_re_encoded_thumbnail_to_anyone(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var (entryId, fileId) = await PublishedWithScreenshotAsync(site, organizer, "公交到站预测", 320, 640);
        using var visitor = site.CreateClient();

        using var response = await visitor.GetAsync($"/gallery/{entryId}/images/{fileId}/640");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(ThumbnailBytes(640), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_screenshot_of_an_entry_never_published_is_not_found()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var submissionId = await site.EntryAsync("待发布作品");
        var fileId = await AddScreenshotAsync(site, submissionId, 1, 320);
        await organizer.PublishAsync(GalleryTestKit.PublishFields(submissionId, "待发布作品", publishNow: false));
        var entryId = await site.EntryIdAsync(submissionId);

        using var response = await site.CreateClient().GetAsync($"/gallery/{entryId}/images/{fileId}/320");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_screenshot_of_a_withdrawn_entry_is_no_longer_served(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var (entryId, fileId) = await PublishedWithScreenshotAsync(site, organizer, "河道巡查", 320);
        using var visitor = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/gallery/{entryId}/images/{fileId}/320")).StatusCode);

        var withdrawn = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Unpublish&id={entryId}");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/gallery/{entryId}/images/{fileId}/320")).StatusCode);
    }

    [Fact]
    public async Task A_thumbnail_asked_twice_by_visitors_comes_from_the_output_cache_the_second_time_and_a_withdrawal_drops_it()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var (entryId, fileId) = await PublishedWithScreenshotAsync(site, organizer, "积水预警", 320);
        using var visitor = site.CreateClient();
        var url = $"/gallery/{entryId}/images/{fileId}/320";

        using var fresh = await visitor.GetAsync(url);
        using var again = await visitor.GetAsync(url);

        Assert.Null(fresh.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(ThumbnailBytes(320), await again.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/webp", again.Content.Headers.ContentType?.MediaType);

        await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Unpublish&id={entryId}");

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_screenshot_of_a_version_the_gallery_does_not_show_is_not_found()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var submissionId = await site.EntryAsync("停车助手");
        await organizer.PublishAsync(GalleryTestKit.PublishFields(submissionId, "停车助手"));
        var entryId = await site.EntryIdAsync(submissionId);
        var laterFileId = await AddScreenshotAsync(site, submissionId, 2, 320);

        using var response = await site.CreateClient().GetAsync($"/gallery/{entryId}/images/{laterFileId}/320");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_entrys_screenshot_is_not_found_under_this_entry()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var (firstEntry, _) = await PublishedWithScreenshotAsync(site, organizer, "垃圾分类", 320);
        var (secondEntry, secondFile) = await PublishedWithScreenshotAsync(site, organizer, "养老地图", 320);
        using var visitor = site.CreateClient();

        using var mixed = await visitor.GetAsync($"/gallery/{firstEntry}/images/{secondFile}/320");
        using var own = await visitor.GetAsync($"/gallery/{secondEntry}/images/{secondFile}/320");

        Assert.Equal(HttpStatusCode.NotFound, mixed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData(777)]
    [InlineData(100)]
    [InlineData(1280)]
    [InlineData(0)]
    public async Task A_width_that_is_not_an_allowed_and_made_size_is_not_found(int width)
    {
        using var response = await shared.Site.CreateClient().GetAsync($"/gallery/{shared.EntryId}/images/{shared.FileId}/{width}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_entry_page_offers_only_the_allowed_widths_that_exist_and_the_smallest_as_src()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var (entryId, fileId) = await PublishedWithScreenshotAsync(site, organizer, "社区食堂", 100, 640, 320);

        var page = await site.CreateSiteClient().GetAsync($"/gallery/{entryId}");

        var image = Assert.Single(ImageTag().Matches(page.Html));
        var url = $"/gallery/{entryId}/images/{fileId}";
        Assert.Equal($"{url}/320", WebUtility.HtmlDecode(image.Groups["src"].Value));
        Assert.Equal($"{url}/320 320w, {url}/640 640w", WebUtility.HtmlDecode(image.Groups["srcset"].Value));
    }

    [GeneratedRegex("""<img src="(?<src>[^"]+)" srcset="(?<srcset>[^"]+)"[^>]*>""")]
    private static partial Regex ImageTag();
}
