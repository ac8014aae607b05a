using ContestSite.Web.Tests.Infrastructure;
using static ContestSite.Web.Tests.Announcements.AnnouncementTestKit;

namespace ContestSite.Web.Tests.Home;

public sealed class HomePageTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Before_the_first_round_opens_the_home_page_shows_registration_and_counts_down_to_the_first_submissions()
    {
        await using var site = await SiteFactory.CreateAsync(now: new DateTimeOffset(2020, 8, 10, 8, 30, 0, Beijing));
        using var visitor = site.CreateSiteClient();

        var home = await visitor.GetAsync("/");

        Assert.Contains("2020 浙江省数据开放创新应用大赛", home.Text);
        Assert.Contains("<strong>报名中</strong>", home.Html);
        Assert.Contains("距初赛作品提交开始", home.Text);
        Assert.Contains("4 天 15 小时 30 分", home.Text);
        Assert.Contains("data-countdown=\"2020-08-14T16:00:00Z\"", home.Html);
        Assert.Contains("/js/countdown.js", home.Html);
    }

    [Fact]
    public async Task In_the_first_rounds_submission_window_the_countdown_is_to_its_deadline_and_the_timeline_lists_every_round()
    {
        await using var site = await SiteFactory.CreateAsync(now: new DateTimeOffset(2020, 10, 30, 18, 0, 0, Beijing));
        using var visitor = site.CreateSiteClient();

        var home = await visitor.GetAsync("/");

        Assert.Contains("<strong>初赛作品提交中</strong>", home.Html);
        Assert.Contains("距初赛作品提交截止", home.Text);
        Assert.Contains("1 天 0 小时 0 分", home.Text);
        foreach (var text in new[] { "初赛", "复赛", "决赛", "作品提交截止：2020-10-31 18:00", "作品提交截止：2020-12-15 18:00", "数字政府", "数字经济", "数字社会" })
            Assert.Contains(text, home.Text);
    }

    [Fact]
    public async Task After_the_last_review_the_contest_shows_as_over_without_a_countdown()
    {
        await using var site = await SiteFactory.CreateAsync(now: new DateTimeOffset(2021, 1, 10, 9, 0, 0, Beijing));
        using var visitor = site.CreateSiteClient();

        var home = await visitor.GetAsync("/");

        Assert.Contains("大赛已结束", home.Text);
        Assert.DoesNotContain("data-countdown", home.Html);
    }

    [Fact]
    public async Task Each_person_is_offered_what_they_came_for()
    {
        await using var site = await SiteAsync();
        using var visitor = site.CreateSiteClient();
        Assert.Contains("href=\"/account/register\">注册账号，组队参赛", (await visitor.GetAsync("/")).Html);

        await site.CreateUserAsync("alone@example.com", "Secret-pass-42", "Contestant");
        using var alone = site.CreateSiteClient();
        await alone.SignInAsync("alone@example.com", "Secret-pass-42");
        var aloneHome = (await alone.GetAsync("/")).Html;
        Assert.Contains("href=\"/teams/create\">创建团队", aloneHome);
        Assert.DoesNotContain("注册账号，组队参赛", aloneHome);

        await site.TeamWithMembersAsync("有队", "数字政府", "member@example.com");
        using var member = site.CreateSiteClient();
        await member.SignInAsync("member@example.com", "Secret-pass-42");
        var memberHome = (await member.GetAsync("/")).Html;
        Assert.Contains("href=\"/teams/mine\">进入我的团队", memberHome);
        Assert.DoesNotContain("创建团队", memberHome);
    }

    [Fact]
    public async Task The_home_page_has_a_catalogue_search_box_and_shows_pinned_then_latest_announcements()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        await organizer.SaveAsync(Fields("置顶的规则", "正文", category: "规则", pinned: true));
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        await organizer.SaveAsync(Fields("最新的新闻", "正文", category: "新闻"));
        using var visitor = site.CreateSiteClient();

        var home = await visitor.GetAsync("/");

        Assert.Contains("action=\"/datasets\"", home.Html);
        Assert.Contains("name=\"q\"", home.Html);
        Assert.True(home.Text.IndexOf("置顶的规则", StringComparison.Ordinal) < home.Text.IndexOf("最新的新闻", StringComparison.Ordinal));
        Assert.DoesNotContain("优秀作品", home.Text);
    }
}
