using ContestSite.Core.Announcements;

namespace ContestSite.Core.Tests.Announcements;

public sealed class PublicationCalendarTests
{
    private static readonly DateTimeOffset Noon = new(2020, 9, 1, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void What_is_visible_changes_exactly_when_a_scheduled_time_is_reached()
    {
        var calendar = new PublicationCalendar([Noon.AddHours(-1), Noon.AddHours(2)]);

        Assert.Equal(Noon.AddHours(-1), calendar.VisibleSince(Noon));
        Assert.Equal(Noon.AddHours(-1), calendar.VisibleSince(Noon.AddHours(2).AddTicks(-1)));
        Assert.Equal(Noon.AddHours(2), calendar.VisibleSince(Noon.AddHours(2)));
        Assert.Null(new PublicationCalendar([]).VisibleSince(Noon));
    }

    [Fact]
    public void A_cached_page_never_lives_past_the_next_scheduled_publication()
    {
        var calendar = new PublicationCalendar([Noon.AddSeconds(20)]);

        Assert.Equal(TimeSpan.FromSeconds(20), calendar.CacheLifetime(Noon, TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(60), calendar.CacheLifetime(Noon.AddSeconds(20), TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(60), new PublicationCalendar([Noon.AddHours(1)]).CacheLifetime(Noon, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void An_announcement_is_emailed_only_once_visible_with_an_audience_and_not_yet_mailed()
    {
        var a = new Announcement { Title = "t", BodyMarkdown = "b", Category = "通知", Audience = AnnouncementAudience.Judges, PublishAt = Noon };

        Assert.False(a.IsEmailDue(Noon.AddTicks(-1)));
        Assert.True(a.IsEmailDue(Noon));
        a.EmailQueuedAt = Noon;
        Assert.False(a.IsEmailDue(Noon.AddHours(1)));
        Assert.False(new Announcement { Title = "t", BodyMarkdown = "b", Category = "通知", PublishAt = Noon }.IsEmailDue(Noon));
    }

    [Fact]
    public void The_audience_cannot_change_after_its_mail_went_out()
    {
        var sent = new Announcement { Title = "t", BodyMarkdown = "b", Category = "通知", Audience = AnnouncementAudience.Track, AudienceTrackId = 1, EmailQueuedAt = Noon };

        Assert.NotNull(AnnouncementRules.RefusalToChangeAudience(sent, AnnouncementAudience.Track, 2));
        Assert.NotNull(AnnouncementRules.RefusalToChangeAudience(sent, AnnouncementAudience.AllContestants, null));
        Assert.Null(AnnouncementRules.RefusalToChangeAudience(sent, AnnouncementAudience.Track, 1));
    }
}
