using ContestSite.Web.Announcements;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ContestSite.Web.Tests.Announcements.AnnouncementTestKit;

namespace ContestSite.Web.Tests.Announcements;

public sealed class AnnouncementMailTests
{
    [Fact]
    public async Task Publishing_to_all_contestants_mails_each_member_of_each_active_team_once_with_a_link()
    {
        await using var site = await SiteAsync();
        await site.TeamWithMembersAsync("甲队", "数字政府", "a1@example.com", "a2@example.com");
        await site.TeamWithMembersAsync("乙队", "数字经济", "b1@example.com");
        await site.CreateUserAsync("judge@example.com", "Secret-pass-42", "Judge");
        using var organizer = await site.OrganizerAsync();

        var id = await organizer.SaveAsync(Fields("报名即将截止", "请尽快完成报名。", audience: "AllContestants"));

        foreach (var to in new[] { "a1@example.com", "a2@example.com", "b1@example.com" })
        {
            var mail = await site.Smtp.WaitForAsync(to);
            Assert.Equal("【通知】报名即将截止", mail.Subject);
            Assert.Contains("请尽快完成报名。", mail.TextBody);
            Assert.Contains($"/announcements/{id}", mail.TextBody);
        }
        Assert.Equal(3, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject == "【通知】报名即将截止")));
        Assert.Equal(3, (await site.FindAsync("报名即将截止"))!.EmailRecipientCount);
    }

    [Fact]
    public async Task Publishing_to_one_track_mails_only_that_tracks_teams_and_to_judges_only_the_judges()
    {
        await using var site = await SiteAsync();
        await site.TeamWithMembersAsync("甲队", "数字政府", "gov@example.com");
        await site.TeamWithMembersAsync("乙队", "数字经济", "eco@example.com");
        await site.CreateUserAsync("judge@example.com", "Secret-pass-42", "Judge");
        using var organizer = await site.OrganizerAsync();

        await organizer.SaveAsync(Fields("数字政府赛道答疑", "答疑安排", audience: "Track", trackId: await site.TrackIdAsync("数字政府")));
        await organizer.SaveAsync(Fields("评审培训", "培训安排", audience: "Judges"));

        await site.Smtp.WaitForAsync("gov@example.com");
        await site.Smtp.WaitForAsync("judge@example.com");
        var recipients = await site.WithDbAsync(db => db.Outbox.Select(m => new { m.ToAddress, m.Subject }).ToListAsync());
        Assert.Equal(["gov@example.com"], recipients.Where(r => r.Subject.Contains("数字政府赛道答疑")).Select(r => r.ToAddress));
        Assert.Equal(["judge@example.com"], recipients.Where(r => r.Subject.Contains("评审培训")).Select(r => r.ToAddress));
    }

    [Fact]
    public async Task One_address_that_cannot_be_delivered_does_not_stop_the_others()
    {
        await using var site = await SiteAsync();
        await site.TeamWithMembersAsync("甲队", "数字政府", "ok1@example.com", "broken@example.com", "ok2@example.com");
        await site.WithDbAsync(async db =>
        {
            var broken = await db.Users.SingleAsync(u => u.Email == "broken@example.com");
            broken.Email = "broken@@not an address";
            return await db.SaveChangesAsync();
        });
        using var organizer = await site.OrganizerAsync();

        await organizer.SaveAsync(Fields("批量发送测试", "正文", audience: "AllContestants"));

        await site.Smtp.WaitForAsync("ok1@example.com");
        await site.Smtp.WaitForAsync("ok2@example.com");
        await site.WhileTimePassesUntilAsync(() => site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "broken@@not an address" && m.Attempts > 0 && m.LastError != null)));
        await site.WhileTimePassesUntilAsync(async () => await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains("批量发送测试") && m.SentAt != null)) == 2);
        Assert.Null((await site.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ToAddress == "broken@@not an address"))).SentAt);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_scheduled_announcement_is_mailed_by_the_job_once_its_time_comes_and_never_twice(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.TeamWithMembersAsync("甲队", "数字政府", "member@example.com");
        using var organizer = await site.OrganizerAsync();
        var at = site.Clock.GetUtcNow().AddHours(1);
        await organizer.SaveAsync(Fields("定时邮件", "到点发送", mode: "Schedule", publishAt: at, audience: "AllContestants"));

        // Half an hour of the job's ticks, then one pass of the job watched here: it runs and finds nothing due yet.
        site.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await site.Services.GetServices<IHostedService>().OfType<AnnouncementJob>().Single().RunOnceAsync());
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains("定时邮件"))));

        site.Clock.SetUtcNow(at);
        await site.Smtp.WaitForAsync("member@example.com", m => m.Subject?.Contains("定时邮件") == true);
        // Several nodes (here: several scopes at once) running the job again find nothing left to send.
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = site.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AnnouncementMailer>().SendDueAsync();
        }));
        Assert.All(again, sent => Assert.Equal(0, sent));
        Assert.Equal(1, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains("定时邮件"))));
        Assert.NotNull((await site.FindAsync("定时邮件"))!.EmailQueuedAt);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_nodes_reaching_a_due_announcement_at_the_same_moment_queue_its_mail_once(TestProvider provider)
    {
        // A long poll keeps the site's own job out of the race, so only the racers below send.
        await using var site = await SiteFactory.CreateAsync(provider, settings: s => s["ContestSite:Announcements:PollInterval"] = "01:00:00", now: DuringRegistration);
        await site.TeamWithMembersAsync("甲队", "数字政府", "m1@example.com", "m2@example.com");
        var id = await site.WithDbAsync(async db =>
        {
            var a = new Core.Announcements.Announcement
            {
                Title = "并发发送", BodyMarkdown = "正文", Category = "通知", Audience = Core.Announcements.AnnouncementAudience.AllContestants,
                PublishAt = site.Clock.GetUtcNow().AddMinutes(-1), CreatedAt = site.Clock.GetUtcNow(), UpdatedAt = site.Clock.GetUtcNow(),
            };
            db.Announcements.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = site.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AnnouncementMailer>().SendAsync(id);
        }));

        Assert.Single(results, r => r);
        Assert.Equal(2, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.Subject.Contains("并发发送"))));
    }
}
