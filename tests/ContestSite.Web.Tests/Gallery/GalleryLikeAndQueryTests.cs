using System.Net;
using System.Text.Json;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>
/// The queries share one site in the review period with one published entry; the likes change counts and settings,
/// so each like test has its own.
/// </summary>
public sealed class GalleryLikeAndQueryTests(GalleryLikeAndQueryTests.OnePublishedEntry shared) : IClassFixture<GalleryLikeAndQueryTests.OnePublishedEntry>
{
    private const string EntryTitle = "公交到站预测";

    public sealed class OnePublishedEntry : SharedSite
    {
        protected override async Task<SiteFactory> StartAsync()
        {
            var site = await JudgingTestKit.SiteAsync();
            using var organizer = await site.OrganizerAsync();
            await site.PublishedEntryAsync(organizer, EntryTitle);
            return site;
        }
    }

    private static async Task OpenLikesAsync(SiteClient organizer)
    {
        var opened = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string> { ["enabled"] = "true" }, "/admin/gallery?handler=Likes");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_same_account_liking_an_entry_twice_is_refused_and_counted_once(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "垃圾分类");
        await OpenLikesAsync(organizer);
        await site.JudgeAsync("fan@test.local");
        using var fan = await site.SignedInAsync("fan@test.local");

        var first = await fan.PostFormAsync($"/gallery/{id}", new Dictionary<string, string>(), $"/gallery/{id}?handler=Like");
        Assert.Contains("谢谢你的点赞", (await fan.GetAsync($"/gallery/{id}")).Text);
        var second = await fan.PostFormAsync($"/gallery/{id}", new Dictionary<string, string>(), $"/gallery/{id}?handler=Like");

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        var page = (await fan.GetAsync($"/gallery/{id}")).Text;
        Assert.Contains("你已经为该作品点过赞", page);
        Assert.Contains("1 人点赞", page);
        Assert.Equal(1, await site.WithDbAsync(db => db.GalleryLikes.CountAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.GalleryEntries.Where(e => e.Id == id).Select(e => e.LikeCount).SingleAsync()));
    }

    [Fact]
    public async Task A_like_beyond_the_per_minute_limit_of_an_account_is_refused_until_the_minute_has_passed()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Gallery:LikesPerMinute"] = "2", now: JudgingTestKit.DuringReview);
        using var organizer = await site.OrganizerAsync();
        int[] entries = [await site.PublishedEntryAsync(organizer, "社区食堂"), await site.PublishedEntryAsync(organizer, "公园导览"),
            await site.PublishedEntryAsync(organizer, "河道巡查")];
        await OpenLikesAsync(organizer);
        await site.JudgeAsync("eager@test.local");
        using var fan = await site.SignedInAsync("eager@test.local");
        Task<SiteClient.Page> LikeAsync(int id) => fan.PostFormAsync($"/gallery/{id}", new Dictionary<string, string>(), $"/gallery/{id}?handler=Like");
        Task<int> CountAsync(int id) => site.WithDbAsync(db => db.GalleryEntries.Where(e => e.Id == id).Select(e => e.LikeCount).SingleAsync());

        await LikeAsync(entries[0]);
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        await LikeAsync(entries[1]);
        site.Clock.Advance(TimeSpan.FromSeconds(29));
        await LikeAsync(entries[2]);

        Assert.Contains("点赞过于频繁，请稍后再试", (await fan.GetAsync($"/gallery/{entries[2]}")).Text);
        Assert.Equal(0, await CountAsync(entries[2]));
        Assert.Equal(2, await site.WithDbAsync(db => db.GalleryLikes.CountAsync()));

        site.Clock.Advance(TimeSpan.FromSeconds(2));
        await LikeAsync(entries[2]);

        Assert.Contains("谢谢你的点赞", (await fan.GetAsync($"/gallery/{entries[2]}")).Text);
        Assert.Equal(1, await CountAsync(entries[2]));
        Assert.Equal(3, await site.WithDbAsync(db => db.GalleryLikes.CountAsync()));
    }

    [Fact]
    public async Task Likes_are_refused_while_the_contest_has_people_choice_closed()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "电梯安全");
        await site.JudgeAsync("fan2@test.local");
        using var fan = await site.SignedInAsync("fan2@test.local");

        // The page offers no like button then; the post is sent by hand, with the sign-out form's token.
        var liked = await fan.PostFormAsync($"/gallery/{id}", new Dictionary<string, string>(), $"/gallery/{id}?handler=Like");

        Assert.Equal(HttpStatusCode.Redirect, liked.Status);
        Assert.Contains("本届赛事未开放人气投票", (await fan.GetAsync($"/gallery/{id}")).Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.GalleryLikes.CountAsync()));
    }

    [Theory]
    [InlineData("q=%22%E5%85%AC%E4%BA%A4")]
    [InlineData("q=(%E5%85%AC%E4%BA%A4%5D")]
    [InlineData("q=*:*")]
    [InlineData("q=*%E4%BA%A4")]
    [InlineData("q=%00%01%1F%E5%85%AC%E4%BA%A4")]
    [InlineData("q=title:%E5%85%AC%E4%BA%A4%20AND%20OR%20NOT")]
    [InlineData("q=%25%25_%5C")]
    [InlineData("sort=price")]
    [InlineData("page=-1")]
    [InlineData("page=abc&pageSize=xyz")]
    [InlineData("track=%E4%B8%8D%E5%AD%98%E5%9C%A8&year=x")]
    [InlineData("award=Secret")]
    public async Task Bad_gallery_queries_answer_normally_and_never_fail(string query)
    {
        var site = shared.Site;
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/api/gallery?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("page").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gallery?" + query)).StatusCode);
    }

    [Fact]
    public async Task Words_find_entries_and_punctuation_is_never_a_wildcard()
    {
        var site = shared.Site;
        using var client = site.CreateClient();

        async Task<int> TotalAsync(string q)
        {
            using var result = JsonDocument.Parse(await client.GetStringAsync("/api/gallery?q=" + Uri.EscapeDataString(q)));
            return result.RootElement.GetProperty("total").GetInt32();
        }

        Assert.Equal(1, await TotalAsync("到站"));
        Assert.Equal(0, await TotalAsync("地铁"));
        Assert.Equal(0, await TotalAsync("公%预测 地铁"));
        Assert.Equal(1, await TotalAsync("%_"));
    }

    [Fact]
    public async Task The_gallery_api_is_described_in_the_openapi_document()
    {
        var site = shared.Site;
        using var client = site.CreateClient();

        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/gallery", out _) || paths.TryGetProperty("/api/gallery/", out _));
        Assert.True(paths.TryGetProperty("/api/gallery/{id}", out _));
    }
}
