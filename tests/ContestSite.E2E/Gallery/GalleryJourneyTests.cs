using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Gallery;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Gallery;

[Collection(BrowserCollection.Name)]
public sealed class GalleryJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_filters_the_gallery_and_opens_an_entry_and_the_organizer_page_is_accessible()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        site.Clock.Set(JudgingTestKit.DuringReview);
        var root = site.RootUri!;
        using (var organizerClient = await site.OrganizerAsync())
        {
            await site.PublishedEntryAsync(organizerClient, "智慧公交到站预测");
            await site.PublishedEntryAsync(organizerClient, "社区养老服务地图");
        }

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
        await organizer.SignInAsync(root, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin/gallery").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table)).ToContainTextAsync("智慧公交到站预测");
        await organizer.AssertNoSeriousViolationsAsync("the gallery admin page");
        await Screenshots.TakeAsync(organizer, "admin-gallery");
        await organizer.Context.CloseAsync();
    }
}
