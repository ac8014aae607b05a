using System.Net;
using ContestSite.Core.Announcements;
using ContestSite.Web.Announcements;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Announcements;

public sealed class AnnouncementVisibilityTests
{
    [Fact]
    public async Task A_scheduled_announcement_is_neither_listed_nor_opened_before_its_time_and_is_after_it()
    {
        await using var site = await SiteFactory.CreateAsync();
        var id = await site.WithDbAsync(async db =>
        {
            var scheduled = new Announcement
            {
                Title = "决赛名单公布", BodyMarkdown = "名单见附件", Category = "结果",
                PublishAt = site.Clock.GetUtcNow().AddHours(2), CreatedAt = site.Clock.GetUtcNow(), UpdatedAt = site.Clock.GetUtcNow(),
            };
            db.Announcements.Add(scheduled);
            await db.SaveChangesAsync();
            return scheduled.Id;
        });
        // Written straight to the database, as another node would: this node learns of it at its job's next tick.
        await site.Services.GetRequiredService<AnnouncementSchedule>().ReloadAsync();
        using var client = site.CreateSiteClient();

        Assert.DoesNotContain("决赛名单公布", (await client.GetAsync("/announcements")).Text);
        Assert.DoesNotContain("决赛名单公布", (await client.GetAsync("/")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/announcements/{id}")).Status);

        site.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Contains("决赛名单公布", (await client.GetAsync("/announcements")).Text);
        Assert.Contains("名单见附件", (await client.GetAsync($"/announcements/{id}")).Text);
    }
}
