using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Gallery;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Gallery;

[Collection(BrowserCollection.Name)]
public sealed class GalleryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_filters_the_gallery_and_opens_an_entry_and_the_organizer_page_is_accessible()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        await PublishAsync(site, "智慧公交到站预测");
        await PublishAsync(site, "社区养老服务地图");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(new Uri(root, "/gallery").ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("作品展示");
        await visitor.GetByLabel("搜索作品").FillAsync("养老");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "社区养老服务地图" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "智慧公交到站预测" })).ToHaveCountAsync(0);
        await visitor.AssertNoSeriousViolationsAsync("the gallery");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "gallery");

        await visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "社区养老服务地图" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("社区养老服务地图");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("社区养老服务地图团队");
        await visitor.AssertNoSeriousViolationsAsync("a gallery entry");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "gallery-entry");
        await visitor.Context.CloseAsync();

        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin/gallery").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table)).ToContainTextAsync("智慧公交到站预测");
        await organizer.AssertNoSeriousViolationsAsync("the gallery admin page");
        await Screenshots.TakeAsync(organizer, "admin-gallery");
        await organizer.Context.CloseAsync();
    }

    /// <summary>Through the use case: with a real port the in-process HTTP client is not available.</summary>
    private static async Task PublishAsync(SiteFactory site, string title)
    {
        var submissionId = await site.EntryAsync(title);
        await site.WithScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<PublishToGallery>().RunAsync(new GalleryPublishInput
            {
                SubmissionId = submissionId, Title = title, TeamDisplayName = title + "团队", Text = "**展示**介绍",
                ConsentGivenBy = "王队长", ConsentText = "同意公开展示", ConsentGivenAt = "2020-11-05T09:00", ConsentConfirmed = true,
            }, "organizer");
            Assert.True(result.Ok, string.Join(", ", result.Errors));
        });
    }
}
