using ContestSite.Core.Judging;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;

namespace ContestSite.Web.Tests.Gallery;

public sealed class GalleryFeaturedTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_home_page_features_awarded_entries_first_with_their_award_then_the_newest(TestProvider provider)
    {
        await using var site = await JudgingTestKit.SiteAsync(provider);
        using var organizer = await site.OrganizerAsync();
        await site.PublishedEntryAsync(organizer, "早发布的作品");
        var awarded = await site.EntryAsync("获奖作品");
        await site.AwardAsync(awarded, AwardLevel.Second, "二等奖");
        await organizer.PublishAsync(GalleryTestKit.PublishFields(awarded, "获奖作品"));
        site.Clock.Advance(TimeSpan.FromHours(1));
        await site.PublishedEntryAsync(organizer, "新发布的作品");

        var home = await site.CreateSiteClient().GetAsync("/");

        var featured = home.Text[home.Text.IndexOf("优秀作品", StringComparison.Ordinal)..];
        var order = new[] { "获奖作品", "新发布的作品", "早发布的作品" }.Select(t => featured.IndexOf(t + "团队", StringComparison.Ordinal)).ToList();
        Assert.All(order, at => Assert.True(at >= 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("获奖作品团队 二等奖", System.Text.RegularExpressions.Regex.Replace(featured, @"\s+", " "));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(home.Html, "<span class=\"badge\">二等奖</span>"));
    }
}
