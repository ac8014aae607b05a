using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ContestSite.Web.Tests.Announcements.AnnouncementTestKit;

namespace ContestSite.Web.Tests.Announcements;

public sealed class AnnouncementPublishingTests
{
    [Fact]
    public async Task An_organizer_publishes_an_announcement_now_and_visitors_read_it_on_the_list_the_page_and_the_home_page()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();

        var id = await organizer.SaveAsync(Fields("初赛作品提交指南", "请在 **10 月 31 日** 前提交。", category: "规则"));

        using var visitor = site.CreateSiteClient();
        Assert.Contains("初赛作品提交指南", (await visitor.GetAsync("/announcements")).Text);
        Assert.Contains("初赛作品提交指南", (await visitor.GetAsync("/")).Text);
        var page = await visitor.GetAsync($"/announcements/{id}");
        Assert.Contains("<strong>10 月 31 日</strong>", page.Html);
        Assert.Contains("规则", page.Text);
        Assert.Equal(1, await site.AuditCountAsync("announcement.created"));
    }

    [Fact]
    public async Task Preview_shows_the_rendered_body_and_saves_nothing()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Announcements.CountAsync());

        var preview = await organizer.PostFormAsync("/admin/announcements/edit", Fields("预览标题", "## 小标题\n\n<script>alert(1)</script>"),
            "/admin/announcements/edit?handler=Preview");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("小标题</h2>", preview.Html);
        Assert.DoesNotContain("<script>alert", preview.Html);
        Assert.Contains("预览标题", preview.Html);
        Assert.Equal(before, await site.WithDbAsync(db => db.Announcements.CountAsync()));
    }

    [Fact]
    public async Task A_scheduled_time_in_the_past_is_refused_with_a_message_and_nothing_is_saved()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();

        var refused = await organizer.PostFormAsync("/admin/announcements/edit",
            Fields("过去的定时", "正文", mode: "Schedule", publishAt: site.Clock.GetUtcNow().AddHours(-1)));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("定时发布的时间须晚于现在", refused.Text);
        Assert.Null(await site.FindAsync("过去的定时"));
    }

    [Fact]
    public async Task A_missing_title_an_unknown_category_and_a_track_audience_without_a_track_are_each_refused_and_nothing_is_saved()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Announcements.CountAsync());

        var noTitle = await organizer.PostFormAsync("/admin/announcements/edit", Fields("", "正文"));
        var badCategory = await organizer.PostFormAsync("/admin/announcements/edit", Fields("类别错误", "正文", category: "广告"));
        var noTrack = await organizer.PostFormAsync("/admin/announcements/edit", Fields("没有赛道", "正文", audience: "Track"));

        Assert.Contains("请填写标题", noTitle.Text);
        Assert.Contains("请选择类别", badCategory.Text);
        Assert.Contains("请选择要通知的赛道", noTrack.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.Announcements.CountAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_scheduled_announcement_is_never_visible_before_its_time_anywhere_and_is_after_it(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var at = site.Clock.GetUtcNow().AddHours(2);
        var id = await organizer.SaveAsync(Fields("决赛名单公布", "名单见附件", mode: "Schedule", publishAt: at, category: "结果", pinned: true));
        using var visitor = site.CreateSiteClient();

        foreach (var url in new[] { "/", "/announcements", "/announcements?category=结果", "/announcements/feed.atom" })
            Assert.DoesNotContain("决赛名单公布", (await visitor.GetAsync(url)).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/announcements/{id}")).Status);

        site.Clock.SetUtcNow(at.AddSeconds(-1));
        Assert.DoesNotContain("决赛名单公布", (await visitor.GetAsync("/")).Html);

        site.Clock.SetUtcNow(at);
        foreach (var url in new[] { "/", "/announcements", "/announcements?category=结果", "/announcements/feed.atom", $"/announcements/{id}" })
            Assert.Contains("决赛名单公布", (await visitor.GetAsync(url)).Html);
    }

    [Fact]
    public async Task An_organizer_unpublishes_pins_and_deletes_and_each_change_shows_at_once_and_is_audited()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var first = await organizer.SaveAsync(Fields("第一条", "一"));
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        await organizer.SaveAsync(Fields("第二条", "二"));
        using var visitor = site.CreateSiteClient();
        var list = (await visitor.GetAsync("/announcements")).Text;
        Assert.True(list.IndexOf("第二条", StringComparison.Ordinal) < list.IndexOf("第一条", StringComparison.Ordinal), "newest first");

        await organizer.PostFormAsync("/admin/announcements", new Dictionary<string, string>(), $"/admin/announcements?handler=Pin&id={first}");
        list = (await visitor.GetAsync("/announcements")).Text;
        Assert.True(list.IndexOf("第一条", StringComparison.Ordinal) < list.IndexOf("第二条", StringComparison.Ordinal), "pinned first");

        await organizer.PostFormAsync("/admin/announcements", new Dictionary<string, string>(), $"/admin/announcements?handler=Unpublish&id={first}");
        Assert.DoesNotContain("第一条", (await visitor.GetAsync("/announcements")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/announcements/{first}")).Status);
        Assert.Contains("第一条", (await organizer.GetAsync("/admin/announcements")).Text);

        await organizer.PostFormAsync("/admin/announcements", new Dictionary<string, string>(), $"/admin/announcements?handler=Delete&id={first}");
        Assert.Null(await site.FindAsync("第一条"));
        Assert.Equal(1, await site.AuditCountAsync("announcement.pinned"));
        Assert.Equal(1, await site.AuditCountAsync("announcement.unpublished"));
        Assert.Equal(1, await site.AuditCountAsync("announcement.deleted"));
    }

    [Fact]
    public async Task A_save_made_from_an_outdated_form_is_refused_and_keeps_the_newer_text()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("版本测试", "第一版"));
        var version = (await site.FindAsync("版本测试"))!.Version;
        await organizer.SaveAsync(Fields("版本测试", "第二版", version: version), id);

        var stale = await organizer.PostFormAsync($"/admin/announcements/edit/{id}", Fields("版本测试", "旧表单的内容", version: version));

        Assert.Contains("公告刚被其他人修改", stale.Text);
        Assert.Equal("第二版", (await site.FindAsync("版本测试"))!.BodyMarkdown);
    }

    [Fact]
    public async Task The_public_list_filters_by_category_and_pages()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        for (var i = 1; i <= 21; i++)
        {
            site.Clock.Advance(TimeSpan.FromMinutes(1));
            await organizer.SaveAsync(Fields($"新闻第{i:00}号", "正文", category: "新闻"));
        }
        await organizer.SaveAsync(Fields("一条规则", "正文", category: "规则"));
        using var visitor = site.CreateSiteClient();

        var news = await visitor.GetAsync("/announcements?category=新闻");
        Assert.DoesNotContain("一条规则", news.Text);
        Assert.Contains("新闻第21号", news.Text);
        Assert.DoesNotContain("新闻第01号", news.Text);
        Assert.Contains("/announcements?category=%E6%96%B0%E9%97%BB&amp;page=2", news.Html);
        var second = await visitor.GetAsync("/announcements?category=新闻&page=2");
        Assert.Contains("新闻第01号", second.Text);
        Assert.DoesNotContain("新闻第02号", second.Text);
        Assert.Contains("一条规则", (await visitor.GetAsync("/announcements?category=规则")).Text);
        Assert.Contains("一条规则", (await visitor.GetAsync("/announcements?category=<script>")).Text);
    }

    [Fact]
    public async Task A_visitor_cannot_reach_the_admin_pages()
    {
        await using var site = await SiteAsync();
        using var visitor = site.CreateSiteClient();
        var page = await visitor.GetAsync("/admin/announcements");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/login", page.Location!.PathAndQuery);
    }
}
