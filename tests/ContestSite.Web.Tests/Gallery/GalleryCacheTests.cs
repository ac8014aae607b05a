using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>The gallery's public pages come from the output cache (an <c>Age</c> header) and publishing changes evict them.</summary>
public sealed class GalleryCacheTests
{
    private static bool FromCache(SiteClient.Page page) => page.Headers.Age is not null;

    [Theory]
    [InlineData("/gallery")]
    [InlineData("/gallery?year=2020&page=1")]
    [InlineData("/gallery/{id}")]
    public async Task A_gallery_page_asked_twice_by_visitors_is_served_from_the_cache_the_second_time_without_a_cookie(string url)
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "公交到站预测");
        url = url.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var first = site.CreateSiteClient();
        using var second = site.CreateSiteClient();

        var fresh = await first.GetAsync(url);
        var again = await second.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.False(FromCache(fresh));
        Assert.True(FromCache(again));
        Assert.DoesNotContain(again.Headers, h => h.Key == "Set-Cookie");
    }

    [Fact]
    public async Task A_signed_in_visitor_gets_the_entry_page_rendered_for_them_not_from_the_cache()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "垃圾分类");
        await site.JudgeAsync("fan@test.local");
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync($"/gallery/{id}");
        using var fan = await site.SignedInAsync("fan@test.local");

        await fan.GetAsync($"/gallery/{id}");
        var again = await fan.GetAsync($"/gallery/{id}");

        Assert.False(FromCache(again));
    }

    [Fact]
    public async Task Publishing_editing_and_withdrawing_an_entry_evict_the_cached_gallery_entry_and_home_pages_at_once()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync("/");
        await visitor.GetAsync("/gallery");

        var id = await site.PublishedEntryAsync(organizer, "河道巡查");
        Assert.Contains("河道巡查", (await visitor.GetAsync("/")).Text);
        Assert.Contains("河道巡查", (await visitor.GetAsync("/gallery")).Text);
        Assert.True(FromCache(await visitor.GetAsync("/gallery")));
        Assert.Contains("河道巡查", (await visitor.GetAsync($"/gallery/{id}")).Text);

        await organizer.PostFormAsync($"/admin/gallery/{id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "河道智能巡查", ["Input.Text"] = "新的介绍", ["Input.TeamDisplayName"] = "治水队", ["Input.MemberDisplayNames"] = "", ["Input.Version"] = "0",
        });
        Assert.Contains("河道智能巡查", (await visitor.GetAsync("/gallery")).Text);
        Assert.Contains("河道智能巡查", (await visitor.GetAsync($"/gallery/{id}")).Text);

        await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string>(), $"/admin/gallery?handler=Unpublish&id={id}");
        Assert.DoesNotContain("河道智能巡查", (await visitor.GetAsync("/")).Text);
        Assert.DoesNotContain("河道智能巡查", (await visitor.GetAsync("/gallery")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/gallery/{id}")).Status);
    }

    [Fact]
    public async Task A_like_drops_the_cached_entry_page_so_visitors_see_the_new_count()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "夜间公交");
        var opened = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string> { ["enabled"] = "true" }, "/admin/gallery?handler=Likes");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        await site.JudgeAsync("fan@test.local");
        using var fan = await site.SignedInAsync("fan@test.local");
        using var visitor = site.CreateSiteClient();
        await visitor.GetAsync($"/gallery/{id}");
        Assert.True(FromCache(await visitor.GetAsync($"/gallery/{id}")));

        var liked = await fan.PostFormAsync($"/gallery/{id}", new Dictionary<string, string>(), $"/gallery/{id}?handler=Like");

        Assert.Equal(HttpStatusCode.Redirect, liked.Status);
        var after = await visitor.GetAsync($"/gallery/{id}");
        Assert.False(FromCache(after));
        Assert.Contains("1 人点赞", after.Text);
    }
}
