using ContestSite.Core.Submissions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Files;
using ContestSite.Web.Gallery;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Storage;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Gallery;

/// <summary>A gallery entry's screenshots: a grid that fits the screen, a viewer driven by the keyboard, and plain links without scripts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GalleryEntryViewerTests(BrowserFixture browser)
{
    private const string Title = "智慧公交到站预测";

    [Fact]
    public async Task The_screenshots_open_in_a_viewer_that_the_keyboard_drives_and_the_page_fits_desktop_and_phone()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var id = await PublishedWithScreenshotsAsync(site, 3);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(site.RootUri!, $"/gallery/{id}").ToString());
        var links = page.Locator("ul.gallery-shots a.shot-link");
        await Expect(links).ToHaveCountAsync(3);
        Assert.Equal("none", await page.Locator("ul.gallery-shots").EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));

        await links.Nth(0).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var viewer = page.Locator("dialog.lightbox");
        await Expect(viewer).ToBeVisibleAsync();
        var viewed = viewer.Locator("img");
        await Expect(viewed).ToHaveAttributeAsync("src", (await links.Nth(0).GetAttributeAsync("href"))!);
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(viewed).ToHaveAttributeAsync("src", (await links.Nth(1).GetAttributeAsync("href"))!);
        await Expect(viewer.Locator("figcaption")).ToContainTextAsync("第 2 张，共 3 张");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(viewed).ToHaveAttributeAsync("src", (await links.Nth(2).GetAttributeAsync("href"))!);
        Assert.True(await viewed.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the large screenshot did not load");
        await page.AssertNoSeriousViolationsAsync("the screenshot viewer");
        await page.Keyboard.PressAsync("Escape");
        await Expect(viewer).Not.ToBeVisibleAsync();
        Assert.True(await links.Nth(2).EvaluateAsync<bool>("a => document.activeElement === a"), "focus did not return to the screenshot that was shown");

        await page.AssertNoSeriousViolationsAsync("a gallery entry with screenshots");
        await Screenshots.TakeDesktopAndMobileAsync(page, "gallery-entry-screenshots");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_scripts_each_screenshot_is_a_link_to_its_largest_size()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var id = await PublishedWithScreenshotsAsync(site, 2);
        var page = await browser.NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync(new Uri(site.RootUri!, $"/gallery/{id}").ToString());

        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("ul.gallery-shots a.shot-link").First.ClickAsync(),
            r => r.Url.EndsWith("/1280", StringComparison.Ordinal));

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/1280$"));
        Assert.Equal("image/webp", (await response.AllHeadersAsync())["content-type"]);
        await page.Context.CloseAsync();
    }

    /// <summary>A finalised entry with real screenshots and the thumbnails the site's queue would make, published through the use case.</summary>
    private static async Task<int> PublishedWithScreenshotsAsync(SiteFactory site, int count)
    {
        var submissionId = await site.EntryAsync(Title);
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Data.ContestDbContext>();
            var store = services.GetRequiredService<IFileStore>();
            var version = await db.SubmissionVersions.SingleAsync(v => v.SubmissionId == submissionId);
            for (var i = 0; i < count; i++)
            {
                var png = ScreenshotPng((byte)(60 * i));
                var original = await store.SaveAsync(new MemoryStream(png), 10_000_000);
                db.SubmissionFiles.Add(new SubmissionFile
                {
                    VersionId = version.Id, Kind = SubmissionFileKind.Screenshot, FileName = $"截图{i + 1}.png", ContentType = "image/png",
                    Length = original.Size, Sha256 = original.Sha256, StorageKey = original.Key, SortOrder = i,
                });
                var made = await services.GetRequiredService<ThumbnailMaker>().MakeAsync(new MemoryStream(png));
                Assert.True(made.Succeeded, made.Refusal);
                foreach (var thumbnail in made.Thumbnails)
                {
                    var stored = await store.SaveAsync(new MemoryStream(thumbnail.Content), 10_000_000);
                    db.SubmissionThumbnails.Add(new SubmissionThumbnail
                    {
                        SourceKey = original.Key, SlotWidth = thumbnail.SlotWidth, Width = thumbnail.Width, Height = thumbnail.Height,
                        ContentType = thumbnail.ContentType, StorageKey = stored.Key, Length = stored.Size,
                    });
                }
            }
            await db.SaveChangesAsync();
            var result = await services.GetRequiredService<PublishToGallery>().RunAsync(new GalleryPublishInput
            {
                SubmissionId = submissionId, Title = Title, TeamDisplayName = Title + "团队", Text = "**展示**介绍",
                ConsentGivenBy = "王队长", ConsentText = "同意公开展示", ConsentGivenAt = "2020-11-05T09:00", ConsentConfirmed = true,
            }, "organizer");
            Assert.True(result.Saved, string.Join(", ", result.Refusals.Select(r => r.ChineseText)));
        });
        return await site.WithDbAsync(db => db.GalleryEntries.Where(e => e.SubmissionId == submissionId).Select(e => e.Id).SingleAsync());
    }

    /// <summary>A 1600×1000 gradient, wider than every thumbnail width, tinted so each screenshot differs.</summary>
    private static byte[] ScreenshotPng(byte tint)
    {
        using var image = new Image<Rgba32>(1600, 1000);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++) row[x] = new Rgba32((byte)(x / 7), (byte)(y / 4), tint);
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
