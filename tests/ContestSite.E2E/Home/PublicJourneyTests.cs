using ContestSite.Core.Judging;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Gallery;
using ContestSite.Web.Gallery.UseCases;
using ContestSite.Web.Tests.Gallery;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Home;

[Collection(BrowserCollection.Name)]
public sealed class PublicJourneyTests(BrowserFixture browser)
{
    /// <summary>Two days after 初赛's review closed (2020-11-10 18:00 China time): the awards are out.</summary>
    private static readonly DateTimeOffset AfterAwards = new(2020, 11, 12, 10, 0, 0, TimeSpan.FromHours(8));
    private const string Announcement = "初赛获奖名单公布";
    private const string Awarded = "城市内涝预警平台";
    private const string Showcase = "城市内涝智能预警";
    private const string OtherEntry = "社区养老服务地图";

    [Fact]
    public async Task An_organizer_publishes_an_announcement_and_an_awarded_entry_and_a_visitor_finds_both_from_the_home_page()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: AfterAwards);
        var root = site.RootUri!;
        // Judging is over: the awarded entry has its published award; another entry is already showcased without one.
        var awardedSubmission = await site.EntryAsync(Awarded, teamName: "防汛先锋队");
        await site.AwardAsync(awardedSubmission, AwardLevel.First, "一等奖");
        await ShowcaseWithoutAwardAsync(site, OtherEntry);

        // A visitor looks before anything is published (the home page is now in the output cache)...
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(root.ToString());
        var news = visitor.GetByRole(AriaRole.Region, new() { Name = "公告" });
        var featured = visitor.GetByRole(AriaRole.Region, new() { Name = "优秀作品" });
        await Expect(featured.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(news.GetByRole(AriaRole.Link, new() { Name = Announcement })).ToHaveCountAsync(0);

        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await PublishAnnouncementAsync(organizer, root);

        // ...and comes back after each publication: each one dropped the cached home page.
        await visitor.GotoAsync(root.ToString());
        await Expect(news.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Announcement })).ToContainTextAsync("置顶");
        await Expect(featured.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);

        await PublishAwardedEntryAsync(organizer, root);
        await organizer.Context.CloseAsync();
        await visitor.GotoAsync(root.ToString());
        await Expect(featured.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        // Awarded entries come first among the featured ones, with their award.
        await Expect(featured.GetByRole(AriaRole.Listitem).First).ToContainTextAsync(Showcase);
        await Expect(featured.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("一等奖");
        await visitor.AssertNoSeriousViolationsAsync("the home page with announcements and featured entries");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "home-announcement-and-featured");

        await news.GetByRole(AriaRole.Link, new() { Name = Announcement }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Announcement);
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("一等奖：城市内涝智能预警");

        await visitor.GoBackAsync();
        await featured.GetByRole(AriaRole.Link, new() { Name = Showcase }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/gallery/\d+$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Showcase);
        await Expect(visitor.GetByRole(AriaRole.Main).Locator(".badge")).ToHaveTextAsync("一等奖");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("防汛先锋");
        await visitor.AssertNoSeriousViolationsAsync("an awarded gallery entry");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "gallery-entry-awarded");
        await visitor.Context.CloseAsync();
    }

    private static async Task PublishAnnouncementAsync(IPage organizer, Uri root)
    {
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "公告管理" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Link, new() { Name = "写公告" }).ClickAsync();
        await organizer.GetByLabel("标题", new() { Exact = true }).FillAsync(Announcement);
        await organizer.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "结果" });
        await organizer.GetByLabel("正文（Markdown）").FillAsync("## 获奖作品\n\n- 一等奖：城市内涝智能预警（防汛先锋队）\n\n获奖作品已在作品展示中公开。");
        await organizer.GetByLabel("置顶").CheckAsync();
        await organizer.GetByRole(AriaRole.Radio, new() { Name = "立即发布" }).CheckAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("公告已发布。");
    }

    /// <summary>The organizer records the team's written consent in the form and publishes the entry at once.</summary>
    private static async Task PublishAwardedEntryAsync(IPage organizer, Uri root)
    {
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "作品展示管理" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin/gallery").ToString());
        var form = organizer.GetByRole(AriaRole.Region, new() { Name = "记录授权并发布" });
        await form.GetByLabel("作品", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{Awarded}（防汛先锋队）" });
        await form.GetByLabel("授权人").FillAsync("王队长（队长）");
        await form.GetByLabel("授权时间").FillAsync("2020-11-11T15:30");
        await form.GetByLabel("授权内容").FillAsync("同意在大赛作品展示中公开作品介绍、截图和团队名称");
        await form.GetByLabel("我确认已取得团队的书面展示授权").CheckAsync();
        await form.GetByLabel("展示标题").FillAsync(Showcase);
        await form.GetByLabel("展示介绍（Markdown，留空则显示作品介绍）").FillAsync("融合**降雨**与**河道水位**开放数据，提前两小时预警易涝点。");
        await form.GetByLabel("展示的团队名称").FillAsync("防汛先锋");
        await form.GetByLabel("展示的成员姓名（每行一个，团队同意的写法）").FillAsync("王某\n李某");
        await form.GetByLabel("立即公开").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("作品已发布到作品展示。");
        var row = organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Row).Filter(new() { HasText = Showcase });
        await Expect(row).ToContainTextAsync("一等奖");
        await Expect(row).ToContainTextAsync("已发布");
    }

    /// <summary>Arranged through the use case: this entry only fills the featured list around the one the journey publishes.</summary>
    private static async Task ShowcaseWithoutAwardAsync(SiteFactory site, string title)
    {
        var submissionId = await site.EntryAsync(title);
        await site.WithScopeAsync(async services =>
        {
            var result = await services.GetRequiredService<PublishToGallery>().RunAsync(new GalleryPublishInput
            {
                SubmissionId = submissionId, Title = title, TeamDisplayName = title + "团队", Text = "社区养老介绍",
                ConsentGivenBy = "李队长", ConsentText = "同意公开展示", ConsentGivenAt = "2020-11-11T09:00", ConsentConfirmed = true, PublishNow = true,
            }, "organizer");
            Assert.True(result.Ok, string.Join(", ", result.Errors));
        });
    }
}
