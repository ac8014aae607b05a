using System.Net;
using System.Xml.Linq;
using ContestSite.Web.Tests.Announcements;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using MimeKit;

namespace ContestSite.Web.Tests.Hosting;

/// <summary>
/// Every request here claims to be for evil.example, through Host, X-Forwarded-Host and X-Forwarded-Proto;
/// every link the site mails (or shows to copy) must still start with the configured public address. The tests share one
/// site during registration, each with addresses and teams of its own (a mail is waited for by its address).
/// </summary>
public sealed class MailedLinkTests(MailedLinkTests.DuringRegistration shared) : IClassFixture<MailedLinkTests.DuringRegistration>
{
    public sealed class DuringRegistration : SharedSite
    {
        protected override Task<SiteFactory> StartAsync() => SiteAsync(now: AnnouncementTestKit.DuringRegistration);
    }

    private const string PublicBaseUrl = "https://contest.test";
    private static readonly Uri Evil = new("http://evil.example/");

    private static Task<SiteFactory> SiteAsync(Action<Dictionary<string, string?>>? settings = null, DateTimeOffset? now = null) =>
        SiteFactory.CreateAsync(now: now, settings: s =>
        {
            s["ContestSite:PublicBaseUrl"] = PublicBaseUrl;
            s["ContestSite:Announcements:PollInterval"] = "00:00:00.300";
            settings?.Invoke(s);
        });

    /// <summary>A client whose every request names evil.example as its host, directly and through forwarded headers.</summary>
    private static SiteClient ForgedClient(SiteFactory site)
    {
        var client = site.CreateSiteClient(Evil);
        client.Http.DefaultRequestHeaders.Host = Evil.Host;
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil.Host);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        return client;
    }

    private static void AssertEveryLinkIsPublic(MimeMessage mail)
    {
        var links = MailLinks.All(mail);
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(PublicBaseUrl + "/", link));
        Assert.DoesNotContain("evil.example", mail.TextBody);
        Assert.DoesNotContain("evil.example", mail.HtmlBody);
    }

    [Fact]
    public async Task A_registration_with_a_forged_host_mails_the_confirmation_link_of_the_public_address()
    {
        var site = shared.Site;
        using var attacker = ForgedClient(site);

        var registered = await attacker.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "小王", ["Input.Email"] = "registered@example.com",
            ["Input.Password"] = "Register-pass-1", ["Input.ConfirmPassword"] = "Register-pass-1",
        });

        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var mail = await site.Smtp.WaitForAsync("registered@example.com");
        AssertEveryLinkIsPublic(mail);
        Assert.StartsWith(PublicBaseUrl + "/account/confirm-email?", MailLinks.All(mail)[0]);
    }

    [Fact]
    public async Task A_resent_confirmation_asked_for_with_a_forged_host_links_to_the_public_address()
    {
        var site = shared.Site;
        using (var first = site.CreateSiteClient())
        {
            await first.PostFormAsync("/account/register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "小王", ["Input.Email"] = "resent@example.com",
                ["Input.Password"] = "Register-pass-1", ["Input.ConfirmPassword"] = "Register-pass-1",
            });
        }
        await site.Smtp.WaitForAsync("resent@example.com");
        using var attacker = ForgedClient(site);

        await attacker.PostFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Email"] = "resent@example.com" });

        var resent = await WaitForSecondMailAsync(site, "resent@example.com");
        AssertEveryLinkIsPublic(resent);
    }

    [Fact]
    public async Task A_password_reset_asked_for_with_a_forged_host_mails_the_token_only_to_the_public_address()
    {
        var site = shared.Site;
        await site.CreateUserAsync("forgot@example.com", "Old-pass-123");
        using var attacker = ForgedClient(site);

        await attacker.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "forgot@example.com" });

        var mail = await site.Smtp.WaitForAsync("forgot@example.com");
        AssertEveryLinkIsPublic(mail);
        Assert.StartsWith(PublicBaseUrl + "/account/reset-password?", MailLinks.All(mail)[0]);
    }

    [Fact]
    public async Task An_email_change_asked_for_with_a_forged_host_mails_the_confirmation_link_of_the_public_address()
    {
        var site = shared.Site;
        await site.CreateUserAsync("before@example.com", "Right-pass-123");
        using var client = ForgedClient(site);
        await client.SignInAsync("before@example.com", "Right-pass-123");

        var asked = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["NewEmail"] = "after@example.com", ["Password"] = "Right-pass-123" });

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var mail = await site.Smtp.WaitForAsync("after@example.com");
        AssertEveryLinkIsPublic(mail);
        Assert.StartsWith(PublicBaseUrl + "/account/confirm-email-change?", MailLinks.All(mail)[0]);
    }

    [Fact]
    public async Task A_team_invitation_sent_with_a_forged_host_links_to_the_public_address_and_so_does_the_link_to_copy()
    {
        var site = shared.Site;
        await site.CreateUserAsync("captain@test.local", SiteBuilders.Password, "Contestant");
        using var captain = ForgedClient(site);
        await captain.SignInAsync("captain@test.local", SiteBuilders.Password);
        var teamId = await captain.CreateTeamAsync(site, "甲队");

        var page = await captain.GetAsync($"/teams/{teamId}");
        await captain.PostFormAsync($"/teams/{teamId}", new Dictionary<string, string> { ["Email"] = "friend@test.local" }, $"/teams/{teamId}?handler=Invite");

        var code = await site.InviteCodeAsync(teamId);
        var mail = await site.Smtp.WaitForAsync("friend@test.local");
        AssertEveryLinkIsPublic(mail);
        Assert.Contains($"{PublicBaseUrl}/teams/join/{code}", mail.TextBody);
        Assert.Contains($"<code>{PublicBaseUrl}/teams/join/{code}</code>", page.Html);
        Assert.DoesNotContain("evil.example", page.Html);
    }

    [Fact]
    public async Task An_announcement_published_with_a_forged_host_mails_the_public_address()
    {
        var site = shared.Site;
        await site.TeamWithMembersAsync("公告队", "数字政府", "member@example.com");
        using var organizer = ForgedClient(site);
        await site.SignInAsync(organizer, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

        var id = await organizer.SaveAsync(AnnouncementTestKit.Fields("报名提醒", "请尽快报名。", audience: "AllContestants"));

        var mail = await site.Smtp.WaitForAsync("member@example.com", m => m.Subject?.Contains("报名提醒") == true);
        AssertEveryLinkIsPublic(mail);
        Assert.Contains($"{PublicBaseUrl}/announcements/{id}", mail.TextBody);
    }

    [Fact]
    public async Task A_scheduled_announcement_mailed_by_the_job_links_to_the_public_address_not_to_the_host_its_author_used()
    {
        var site = shared.Site;
        await site.TeamWithMembersAsync("定时公告队", "数字政府", "scheduled-member@example.com");
        using var organizer = ForgedClient(site);
        await site.SignInAsync(organizer, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        var at = site.Clock.GetUtcNow().AddHours(1);
        var id = await organizer.SaveAsync(AnnouncementTestKit.Fields("定时提醒", "到点发送", mode: "Schedule", publishAt: at, audience: "AllContestants"));

        site.Clock.SetUtcNow(at);

        var mail = await site.Smtp.WaitForAsync("scheduled-member@example.com", m => m.Subject?.Contains("定时提醒") == true);
        AssertEveryLinkIsPublic(mail);
        Assert.Contains($"{PublicBaseUrl}/announcements/{id}", mail.TextBody);
    }

    [Fact]
    public async Task The_atom_feed_fetched_with_a_forged_host_links_to_the_public_address()
    {
        var site = shared.Site;
        using (var organizer = await site.OrganizerAsync())
            await organizer.SaveAsync(AnnouncementTestKit.Fields("公开公告", "正文"));
        using var attacker = ForgedClient(site);

        var feed = await attacker.GetAsync("/announcements/feed.atom");

        Assert.Equal(HttpStatusCode.OK, feed.Status);
        var hrefs = XDocument.Parse(feed.Html).Descendants().Attributes("href").Select(a => a.Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith(PublicBaseUrl + "/", href));
        Assert.DoesNotContain("evil.example", feed.Html);
    }

    [Fact]
    public async Task The_old_announcements_setting_alone_still_gives_the_public_address_of_every_mailed_link()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s =>
        {
            s["ContestSite:PublicBaseUrl"] = null;
            s["ContestSite:Announcements:PublicBaseUrl"] = "https://old-setting.test";
        });
        await site.CreateUserAsync("victim@example.com", "Old-pass-123");
        using var attacker = ForgedClient(site);

        await attacker.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "victim@example.com" });

        var mail = await site.Smtp.WaitForAsync("victim@example.com");
        Assert.All(MailLinks.All(mail), link => Assert.StartsWith("https://old-setting.test/account/reset-password?", link));
    }

    private static async Task<MimeMessage> WaitForSecondMailAsync(SiteFactory site, string to)
    {
        await site.WhileTimePassesUntilAsync(() => Task.FromResult(
            site.Smtp.Received.Count(m => m.To.Mailboxes.Any(b => b.Address == to)) >= 2));
        return site.Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == to)).Skip(1).First();
    }
}
