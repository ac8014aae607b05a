using ContestSite.Web.Tests.Infrastructure;
using static ContestSite.Web.Tests.Announcements.AnnouncementTestKit;

namespace ContestSite.Web.Tests.Announcements;

/// <summary>The output cache answers a repeated anonymous request with an <c>Age</c> header; a fresh render has none.</summary>
public sealed class PublicPageCacheTests
{
    private static bool FromCache(SiteClient.Page page) => page.Headers.Age is not null;

    [Theory]
    [InlineData("/")]
    [InlineData("/announcements")]
    [InlineData("/announcements/feed.atom")]
    public async Task A_public_page_asked_twice_by_visitors_is_served_from_the_cache_the_second_time(string url)
    {
        await using var site = await SiteAsync();
        using var first = site.CreateSiteClient();
        using var second = site.CreateSiteClient();

        Assert.False(FromCache(await first.GetAsync(url)));
        var again = await second.GetAsync(url);

        Assert.True(FromCache(again));
        Assert.DoesNotContain(again.Headers, h => h.Key == "Set-Cookie");
    }

    [Fact]
    public async Task Publishing_editing_and_unpublishing_evict_the_cached_pages_at_once()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync("/");
        await visitor.GetAsync("/announcements");

        var id = await organizer.SaveAsync(Fields("刚刚发布", "正文"));
        Assert.Contains("刚刚发布", (await visitor.GetAsync("/")).Text);
        Assert.Contains("刚刚发布", (await visitor.GetAsync("/announcements")).Text);
        Assert.Contains("刚刚发布", (await visitor.GetAsync($"/announcements/{id}")).Text);

        var version = (await site.FindAsync("刚刚发布"))!.Version;
        await organizer.SaveAsync(Fields("改过的标题", "正文", version: version), id);
        Assert.Contains("改过的标题", (await visitor.GetAsync("/")).Text);
        Assert.Contains("改过的标题", (await visitor.GetAsync($"/announcements/{id}")).Text);

        await organizer.PostFormAsync("/admin/announcements", new Dictionary<string, string>(), $"/admin/announcements?handler=Unpublish&id={id}");
        Assert.DoesNotContain("改过的标题", (await visitor.GetAsync("/")).Text);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.GetAsync($"/announcements/{id}")).Status);
    }

    [Fact]
    public async Task A_cached_home_page_never_hides_a_scheduled_announcement_once_its_time_has_come()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var at = site.Clock.GetUtcNow().AddMinutes(30);
        await organizer.SaveAsync(Fields("半小时后发布", "正文", mode: "Schedule", publishAt: at));
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync("/");
        Assert.True(FromCache(await visitor.GetAsync("/")));

        site.Clock.SetUtcNow(at);

        var home = await visitor.GetAsync("/");
        Assert.False(FromCache(home));
        Assert.Contains("半小时后发布", home.Text);
    }

    [Fact]
    public async Task Pages_for_signed_in_people_are_never_cached_and_never_served_from_the_visitors_cache()
    {
        await using var site = await SiteAsync();
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync("/");
        await visitor.GetAsync("/");
        using var organizer = await site.OrganizerAsync();

        var first = await organizer.GetAsync("/");
        var second = await organizer.GetAsync("/");

        Assert.False(FromCache(first));
        Assert.False(FromCache(second));
        Assert.Contains("退出", second.Text);
        Assert.DoesNotContain("退出", (await visitor.GetAsync("/")).Text);
    }

    [Fact]
    public async Task The_english_and_chinese_pages_are_cached_apart()
    {
        await using var site = await SiteAsync();
        using var chinese = site.CreateSiteClient();
        using var english = site.CreateSiteClient();
        await english.PostAsync("/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });
        await chinese.GetAsync("/announcements");

        var page = await english.GetAsync("/announcements");

        Assert.False(FromCache(page));
        Assert.Contains("<html lang=\"en\">", page.Html);
        Assert.Contains("<html lang=\"zh-CN\">", (await chinese.GetAsync("/announcements")).Html);
    }

    [Fact]
    public async Task An_announcement_published_by_another_node_reaches_this_nodes_cached_pages_at_the_next_tick_of_the_job()
    {
        await using var site = await SiteAsync();
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync("/announcements");
        Assert.True(FromCache(await visitor.GetAsync("/announcements")));

        await site.WithDbAsync(async db =>
        {
            db.Announcements.Add(new Core.Announcements.Announcement
            {
                Title = "另一节点发布", BodyMarkdown = "正文", Category = "通知",
                PublishAt = site.Clock.GetUtcNow(), CreatedAt = site.Clock.GetUtcNow(), UpdatedAt = site.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        // Not before the job's next tick, which comes when the site's clock moves on by its poll interval.
        Assert.DoesNotContain("另一节点发布", (await visitor.GetAsync("/announcements")).Text);
        await site.WhileTimePassesUntilAsync(async () => (await visitor.GetAsync("/announcements")).Text.Contains("另一节点发布", StringComparison.Ordinal), PollInterval, seconds: 10);
    }
}
