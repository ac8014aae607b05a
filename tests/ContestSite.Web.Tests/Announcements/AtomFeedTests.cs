using System.Xml.Linq;
using ContestSite.Web.Tests.Infrastructure;
using static ContestSite.Web.Tests.Announcements.AnnouncementTestKit;

namespace ContestSite.Web.Tests.Announcements;

public sealed class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_feed_is_atom_with_absolute_links_and_only_the_visible_announcements()
    {
        await using var site = await SiteAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await organizer.SaveAsync(Fields("已发布的新闻", "**内容**", category: "新闻"));
        await organizer.SaveAsync(Fields("还是草稿", "内容", mode: "Draft"));
        await organizer.SaveAsync(Fields("明天发布", "内容", mode: "Schedule", publishAt: site.Clock.GetUtcNow().AddDays(1)));
        using var visitor = site.CreateSiteClient();

        using var response = await visitor.Http.GetAsync("/announcements/feed.atom");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.NotNull(feed.Element(Atom + required));
        Assert.Equal($"{SiteFactory.PublicBaseUrl}/announcements/feed.atom", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        var entry = Assert.Single(entries, e => e.Element(Atom + "title")!.Value == "已发布的新闻");
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value is "还是草稿" or "明天发布");
        Assert.Equal($"{SiteFactory.PublicBaseUrl}/announcements/{id}", entry.Element(Atom + "id")!.Value);
        Assert.Equal($"{SiteFactory.PublicBaseUrl}/announcements/{id}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
        Assert.Equal("新闻", entry.Element(Atom + "category")!.Attribute("term")!.Value);
        Assert.Contains("<strong>内容</strong>", entry.Element(Atom + "content")!.Value);
    }
}
