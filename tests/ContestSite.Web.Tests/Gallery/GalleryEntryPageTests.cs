using System.Net;
using ContestSite.Web.Gallery;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Gallery;

/// <summary>The entry page's video, its award in English, and what a signed-in visitor sees and may do with likes.</summary>
public sealed class GalleryEntryPageTests
{
    [Theory]
    [InlineData("https://www.bilibili.com/video/BV1xx411c7mD", "https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&autoplay=0")]
    [InlineData("https://v.youku.com/v_show/id_XNDk2MzQ1Njc4OA==.html", "https://player.youku.com/embed/XNDk2MzQ1Njc4OA==")]
    [InlineData("https://v.qq.com/x/page/a3338fxyz12.html", "https://v.qq.com/txp/iframe/player.html?vid=a3338fxyz12")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    public void A_video_on_an_allowed_site_becomes_that_sites_player(string link, string player) =>
        Assert.Equal(player, VideoEmbed.From(link)?.Player.AbsoluteUri);

    [Theory]
    [InlineData("https://evil.example/video/BV1xx411c7mD")]
    [InlineData("https://www.bilibili.com.evil.example/video/BV1xx411c7mD")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D")]
    [InlineData("https://www.bilibili.com/video/BV1xx411c7mD/../../evil")]
    [InlineData("not a link")]
    public void A_video_anywhere_else_is_never_framed(string link) => Assert.Null(VideoEmbed.From(link));

    [Fact]
    public async Task An_entry_with_a_video_on_an_allowed_site_embeds_it_and_frames_only_that_player()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var embedded = await PublishedWithVideoAsync(site, organizer, "智慧停车", "https://www.bilibili.com/video/BV1xx411c7mD");
        var linked = await PublishedWithVideoAsync(site, organizer, "河长巡河", "https://videos.example.org/river.mp4");
        using var visitor = site.CreateSiteClient();

        var withPlayer = await visitor.GetAsync($"/gallery/{embedded}");
        var withLink = await visitor.GetAsync($"/gallery/{linked}");

        Assert.Contains("<iframe src=\"https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&amp;autoplay=0\"", withPlayer.Html);
        Assert.Contains("frame-src https://player.bilibili.com", Policy(withPlayer));
        Assert.Contains("script-src 'self';", Policy(withPlayer));
        Assert.DoesNotContain("<iframe", withLink.Html);
        Assert.DoesNotContain("frame-src", Policy(withLink));
        Assert.Contains("href=\"https://videos.example.org/river.mp4\"", withLink.Html);
    }

    [Fact]
    public async Task The_award_of_an_entry_is_shown_in_English_on_the_English_page_and_the_gallery()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "社区养老地图");
        await site.WithDbAsync(db => db.GalleryEntries.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AwardName, "一等奖").SetProperty(e => e.AwardLevel, Core.Judging.AwardLevel.First)));
        using var visitor = site.CreateSiteClient();

        var entry = (await visitor.GetAsync($"/gallery/{id}?culture=en-US")).Text;
        var gallery = (await visitor.GetAsync("/gallery?culture=en-US")).Text;

        Assert.Contains("First prize", entry);
        Assert.Contains("Urban governance", entry);
        Assert.DoesNotContain("一等奖", entry);
        Assert.Contains("First prize", gallery);
        Assert.DoesNotContain("一等奖", gallery);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_member_cannot_like_their_own_teams_entry_and_the_count_is_unchanged(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        var id = await site.PublishedEntryAsync(organizer, "自家作品");
        await OpenLikesAsync(organizer);
        using var captain = await site.SignedInAsync(await CaptainEmailAsync(site, id));

        var page = (await captain.GetAsync($"/gallery/{id}")).Text;
        var like = await captain.PostFormAsync($"/gallery/{id}", new Dictionary<string, string>(), $"/gallery/{id}?handler=Like");

        Assert.Contains("这是你团队的作品，不能为它点赞。", page);
        Assert.Equal(HttpStatusCode.Redirect, like.Status);
        Assert.Contains("不能为自己团队的作品点赞", (await captain.GetAsync($"/gallery/{id}")).Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.GalleryLikes.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.GalleryEntries.Where(e => e.Id == id).Select(e => e.LikeCount).SingleAsync()));
    }

    [Fact]
    public async Task A_visitor_who_liked_an_entry_sees_it_liked_on_the_entry_and_in_the_gallery_and_no_like_button()
    {
        await using var site = await JudgingTestKit.SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var liked = await site.PublishedEntryAsync(organizer, "喜欢的作品");
        await site.PublishedEntryAsync(organizer, "别的作品");
        await OpenLikesAsync(organizer);
        await site.JudgeAsync("fan@test.local");
        using var fan = await site.SignedInAsync("fan@test.local");

        var before = await fan.GetAsync($"/gallery/{liked}");
        await fan.PostFormAsync($"/gallery/{liked}", new Dictionary<string, string>(), $"/gallery/{liked}?handler=Like");
        var entry = await fan.GetAsync($"/gallery/{liked}");
        var gallery = (await fan.GetAsync("/gallery")).Text;

        Assert.Contains("?handler=Like", before.Html);
        Assert.DoesNotContain("你已点赞", before.Text);
        Assert.Contains("你已点赞", entry.Text);
        Assert.DoesNotContain("?handler=Like", entry.Html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(gallery, "你已点赞"));
    }

    private static string Policy(SiteClient.Page page) => string.Join(";", page.Headers.GetValues("Content-Security-Policy"));

    private static async Task OpenLikesAsync(SiteClient organizer)
    {
        var opened = await organizer.PostFormAsync("/admin/gallery", new Dictionary<string, string> { ["enabled"] = "true" }, "/admin/gallery?handler=Likes");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
    }

    private static Task<string> CaptainEmailAsync(SiteFactory site, int entryId) => site.WithDbAsync(db =>
        (from e in db.GalleryEntries
         join m in db.TeamMembers on e.TeamId equals m.TeamId
         join u in db.Users on m.UserId equals u.Id
         where e.Id == entryId
         select u.Email!).SingleAsync());

    private static async Task<int> PublishedWithVideoAsync(SiteFactory site, SiteClient organizer, string title, string video)
    {
        var submissionId = await site.EntryAsync(title);
        await site.WithDbAsync(db => db.SubmissionVersions.Where(v => v.SubmissionId == submissionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.VideoUrl, video)));
        var published = await organizer.PublishAsync(GalleryTestKit.PublishFields(submissionId, title));
        Assert.True(published.Status == HttpStatusCode.Redirect, published.Text);
        return await site.EntryIdAsync(submissionId);
    }
}
