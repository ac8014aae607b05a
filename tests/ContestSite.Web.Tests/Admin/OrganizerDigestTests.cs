using ContestSite.Core.Teams;
using ContestSite.Web.Admin;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Admin;

/// <summary>
/// The organizers' digest: once per interval, only when something they may handle is new, in each person's language,
/// made by one node per period.
/// </summary>
public sealed class OrganizerDigestTests
{
    private const string Subject = "待办事项提醒";
    private static readonly DateTimeOffset Morning = new(2020, 9, 1, 9, 10, 0, TimeSpan.FromHours(8));

    private static Task<SiteFactory> SiteAsync(TestProvider provider = TestProvider.Sqlite) =>
        SiteFactory.CreateAsync(provider, now: Morning, settings: s => s["ContestSite:Admin:DigestInterval"] = "01:00:00");

    private static Task<List<string>> DigestMailsToAsync(SiteFactory site, string address) =>
        site.WithDbAsync(db => db.Outbox.Where(m => m.ToAddress == address && (m.Subject.Contains(Subject) || m.Subject.Contains("To-do reminder")))
            .OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync());

    [Fact]
    public async Task What_is_new_is_mailed_once_per_period_in_each_persons_language_and_nothing_when_nothing_is_new()
    {
        await using var site = await SiteAsync();
        var english = await site.CreateUserAsync("english-organizer@test.local", SiteBuilders.Password, "Organizer");
        var disabled = await site.CreateUserAsync("disabled-organizer@test.local", SiteBuilders.Password, "Organizer");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == english.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        await site.CreateUserAsync("contestant@test.local", SiteBuilders.Password, "Contestant");
        await site.AddTeamAsync("待审核队", status: TeamStatus.Submitted);
        var job = site.Services.GetRequiredService<OrganizerDigestJob>();

        Assert.Equal(2, await job.SendAsync());
        Assert.Null(await job.SendAsync());

        var chinese = Assert.Single(await DigestMailsToAsync(site, SiteFactory.OrganizerEmail));
        Assert.Contains("待审核的团队：1 支", chinese);
        Assert.Contains(SiteFactory.PublicBaseUrl.TrimEnd('/') + "/admin", chinese);
        Assert.Contains("Teams waiting for approval: 1", Assert.Single(await DigestMailsToAsync(site, "english-organizer@test.local")));
        Assert.Empty(await DigestMailsToAsync(site, "disabled-organizer@test.local"));
        Assert.Empty(await DigestMailsToAsync(site, "contestant@test.local"));

        // The next hour the site's own loop makes the digest: the same team still waits, nothing is new, so nobody is
        // mailed, and the pass is recorded as having decided so.
        site.Clock.Advance(TimeSpan.FromHours(1));
        await SiteBuilders.WaitUntilAsync(() => site.WithDbAsync(db => db.OrganizerDigests.AnyAsync(d => d.Mailed == 0)));
        Assert.Null(await job.SendAsync());
        Assert.Single(await DigestMailsToAsync(site, SiteFactory.OrganizerEmail));

        // A second team arrives: the hour after, the digest goes out again with both.
        await site.AddTeamAsync("又一支待审核队", status: TeamStatus.Submitted);
        site.Clock.Advance(TimeSpan.FromHours(1));
        await SiteBuilders.WaitUntilAsync(() => site.WithDbAsync(db => db.OrganizerDigests.CountAsync(d => d.Mailed == 2).ContinueWith(t => t.Result == 2)));
        Assert.Contains("待审核的团队：2 支", (await DigestMailsToAsync(site, SiteFactory.OrganizerEmail)).Last());
        Assert.Equal([2, 0, 2], await site.WithDbAsync(db => db.OrganizerDigests.OrderBy(d => d.Period).Select(d => d.Mailed).ToListAsync()));
    }

    [Fact]
    public async Task The_site_sends_the_digest_by_itself_as_the_hours_pass()
    {
        await using var site = await SiteAsync();
        await site.AddTeamAsync("待审核队", status: TeamStatus.Submitted);

        // The first period boundary is at 10:00 China time; the site's own loop makes that digest.
        await site.WhileTimePassesUntilAsync(() => site.WithDbAsync(db => db.OrganizerDigests.AnyAsync()), step: TimeSpan.FromMinutes(10));

        var mail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject!.Contains(Subject));
        Assert.Contains("待审核的团队：1 支", mail.TextBody);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Two_passes_of_the_same_period_at_the_same_instant_send_one_digest(TestProvider provider)
    {
        await using var site = await SiteAsync(provider);
        await site.AddTeamAsync("待审核队", status: TeamStatus.Submitted);
        var job = site.Services.GetRequiredService<OrganizerDigestJob>();

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => job.SendAsync())));

        Assert.Equal(1, passes.Count(p => p is not null));
        Assert.Equal(1, passes.Single(p => p is not null));
        Assert.Single(await DigestMailsToAsync(site, SiteFactory.OrganizerEmail));
        Assert.Equal(1, await site.WithDbAsync(db => db.OrganizerDigests.CountAsync()));
    }

    [Fact]
    public void The_default_is_hourly_and_zero_turns_the_digest_off()
    {
        Assert.Equal(TimeSpan.FromHours(1), new OrganizerDigestOptions().DigestInterval);
        Assert.True(new OrganizerDigestOptionsValidator().Validate(null, new OrganizerDigestOptions()).Succeeded);
        Assert.True(new OrganizerDigestOptionsValidator().Validate(null, new OrganizerDigestOptions { DigestInterval = TimeSpan.Zero }).Succeeded);
    }

    [Theory]
    [InlineData("00:01:00")]
    [InlineData("8.00:00:00")]
    [InlineData("-01:00:00")]
    public void An_interval_out_of_range_is_refused_with_the_settings_name(string interval)
    {
        var result = new OrganizerDigestOptionsValidator().Validate(null, new OrganizerDigestOptions { DigestInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(result.Failed);
        Assert.Contains("ContestSite__Admin__DigestInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_digest_off_a_pass_sends_nothing_and_records_nothing()
    {
        await using var site = await SiteFactory.CreateAsync(now: Morning);
        await site.AddTeamAsync("待审核队", status: TeamStatus.Submitted);

        Assert.Null(await site.Services.GetRequiredService<OrganizerDigestJob>().SendAsync());
        Assert.Empty(await DigestMailsToAsync(site, SiteFactory.OrganizerEmail));
        Assert.Equal(0, await site.WithDbAsync(db => db.OrganizerDigests.CountAsync()));
    }
}
