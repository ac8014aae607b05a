using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Announcements;

[Collection(BrowserCollection.Name)]
public sealed class AnnouncementJourneyTests(BrowserFixture browser)
{
    /// <summary>Inside the default recipe's registration window (2020 contest), Beijing time.</summary>
    private static readonly DateTimeOffset DuringRegistration = new(2020, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private const string Title = "复赛答辩安排";

    [Fact]
    public async Task An_organizer_previews_and_publishes_an_announcement_and_a_visitor_finds_it_from_the_home_page()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: DuringRegistration);
        var root = site.RootUri!;

        // The organizer opens 公告管理 from the admin menu and writes an announcement.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "公告管理" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin/announcements").ToString());
        await organizer.GetByRole(AriaRole.Link, new() { Name = "写公告" }).ClickAsync();
        await organizer.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
        await organizer.GetByLabel("类别").SelectOptionAsync(new SelectOptionValue { Label = "规则" });
        await organizer.GetByLabel("正文（Markdown）").FillAsync("## 答辩时间\n\n- 每队 **10 分钟** 陈述\n- 5 分钟提问\n\n<script>alert('x')</script>");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync();
        var preview = organizer.Locator("section[aria-labelledby='preview']");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "答辩时间" })).ToBeVisibleAsync();
        await Expect(preview.Locator("strong")).ToHaveTextAsync("10 分钟");
        await Expect(preview.Locator("script")).ToHaveCountAsync(0);
        await organizer.AssertNoSeriousViolationsAsync("the announcement editor");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "admin-announcement-edit");

        await organizer.GetByRole(AriaRole.Radio, new() { Name = "立即发布" }).CheckAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("公告已发布。");
        await organizer.GotoAsync(new Uri(root, "/admin/announcements").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table)).ToContainTextAsync(Title);
        await organizer.AssertNoSeriousViolationsAsync("the announcements admin list");
        await Screenshots.TakeAsync(organizer, "admin-announcements");
        await organizer.Context.CloseAsync();

        // A visitor who is not signed in finds it on the home page and opens it.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(root.ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("2020 浙江省数据开放创新应用大赛");
        await Expect(visitor.Locator(".countdown-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ 天 \d+ 小时 \d+ 分$"));
        await Expect(visitor.Locator(".countdown-value")).Not.ToHaveTextAsync("0 天 0 小时 0 分");
        await visitor.AssertNoSeriousViolationsAsync("the home page");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "home");
        await visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Title);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "答辩时间" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Main).Locator("script")).ToHaveCountAsync(0);
        await visitor.AssertNoSeriousViolationsAsync("an announcement");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "announcement");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "全部公告" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "公告类别" }).GetByRole(AriaRole.Link, new() { Name = "规则" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = Title })).ToBeVisibleAsync();
        await visitor.AssertNoSeriousViolationsAsync("the announcement list");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "announcements");
        await visitor.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_home_page_shows_the_countdown_and_the_search_box_leads_into_the_catalogue()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: new DateTimeOffset(2020, 10, 30, 18, 0, 0, TimeSpan.FromHours(8)));
        var page = await browser.NewPageAsync(javaScriptEnabled: false);

        await page.GotoAsync(site.RootUri!.ToString());

        await Expect(page.Locator(".countdown")).ToContainTextAsync("距初赛作品提交截止");
        await Expect(page.Locator(".countdown-value")).ToHaveTextAsync("1 天 0 小时 0 分");
        await page.GetByLabel("搜索开放数据目录").FillAsync("公交");
        await page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/datasets\?q=%E5%85%AC%E4%BA%A4$"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("杭州市公交线路与站点信息");
        await page.Context.CloseAsync();
    }
}
