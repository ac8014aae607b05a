using ContestSite.Core.Gallery;

namespace ContestSite.Core.Tests.Gallery;

public sealed class GalleryEntryTests
{
    private static GalleryEntry Entry(string? members = null, DateTimeOffset? publishedAt = null) => new()
    {
        ShowcaseTitle = "智慧公交", TeamDisplayName = "公交队", ConsentGivenBy = "王队长", ConsentText = "同意展示",
        ConsentRecordedByUserId = "organizer", MemberDisplayNames = members, PublishedAt = publishedAt,
    };

    [Fact]
    public void An_entry_is_public_only_while_it_has_a_publication_time()
    {
        Assert.False(Entry().IsPublished);
        Assert.True(Entry(publishedAt: new DateTimeOffset(2020, 11, 5, 2, 0, 0, TimeSpan.Zero)).IsPublished);
    }

    [Fact]
    public void Member_names_are_one_per_line_trimmed_and_blank_lines_skipped()
    {
        Assert.Equal(["王某", "李某", "张某"], Entry(" 王某 \r\n\n李某\n  \n张某\n").MemberNames);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n \n")]
    public void A_team_that_chose_to_show_no_members_shows_none(string? members)
    {
        Assert.Empty(Entry(members).MemberNames);
    }
}
