using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>
/// Sign-in sessions live on the server: a cookie is only as good as its session row, which sign-out revokes. The tests
/// that work with one account of their own share a site; the others (both providers, bundles, the clock) have their own.
/// </summary>
public sealed class SessionTests(SharedSite shared) : IClassFixture<SharedSite>
{
    /// <summary>A second browser holding a copy of <paramref name="victim"/>'s cookies, as a thief who copied them would.</summary>
    private static SiteClient CopyOfCookies(SiteFactory site, SiteClient victim)
    {
        var thief = site.CreateSiteClient();
        foreach (Cookie cookie in victim.Cookies!.GetAllCookies()) thief.Cookies!.Add(cookie);
        return thief;
    }

    private static void AssertSentToSignIn(SiteClient.Page page) => AssertSentToSignIn(page.Status, page.Location);

    private static void AssertSentToSignIn(HttpStatusCode status, Uri? location)
    {
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.NotNull(location);
        Assert.StartsWith("/account/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_admin_after_it(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        using var organizer = await site.OrganizerAsync();
        using var thief = CopyOfCookies(site, organizer);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/admin")).Status);

        var signedOut = await organizer.PostFormAsync("/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        var replay = await thief.GetAsync("/admin");
        AssertSentToSignIn(replay);
        Assert.DoesNotContain("用户", replay.Text);
        Assert.True(await site.WithDbAsync(db => db.UserSessions.AllAsync(s => s.RevokedAt != null)));
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_downloads_no_bundle_and_no_data_file_after_it()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var open = await site.DatasetAsync("公交站点", OpenType.Unconditional, "站点\n武林广场\n", "stops.csv");
        await site.PutInBundleAsync(await site.TrackIdAsync(), open.Id);
        var (captain, teamId) = await site.ApprovedTeamAsync("公交队", "captain@example.com");
        using var thief = CopyOfCookies(site, captain);
        await thief.DownloadBundleAsync();
        var issuedBefore = await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "bundle.issue"));

        await captain.PostFormAsync("/account/logout", new Dictionary<string, string>());

        using var bundle = await thief.Http.GetAsync("/bundles/download");
        AssertSentToSignIn(bundle.StatusCode, bundle.Headers.Location);
        Assert.NotEqual("application/zip", bundle.Content.Headers.ContentType?.MediaType);
        AssertSentToSignIn(await thief.GetAsync($"/datasets/{open.Id}/files/{open.FileId}"));
        AssertSentToSignIn(await thief.GetAsync($"/teams/{teamId}"));
        Assert.Equal(issuedBefore, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "bundle.issue")));
    }

    [Fact]
    public async Task Signing_out_one_browser_leaves_the_same_users_other_browser_signed_in()
    {
        await using var site = await SiteFactory.CreateAsync(); // counts every session of the site
        await site.CreateUserAsync("two@example.com", "Right-pass-123");
        using var laptop = site.CreateSiteClient();
        using var phone = site.CreateSiteClient();
        await laptop.SignInAsync("two@example.com", "Right-pass-123");
        await phone.SignInAsync("two@example.com", "Right-pass-123");

        await laptop.PostFormAsync("/account/logout", new Dictionary<string, string>());

        AssertSentToSignIn(await laptop.GetAsync("/account/manage"));
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account/manage")).Status);
        Assert.Equal(1, await site.WithDbAsync(db => db.UserSessions.CountAsync(s => s.RevokedAt == null)));
    }

    [Fact]
    public async Task Sign_out_of_all_devices_ends_the_other_browsers_session_and_this_one()
    {
        var site = shared.Site;
        var user = await site.CreateUserAsync("all@example.com", "Right-pass-123");
        using var laptop = site.CreateSiteClient();
        using var phone = site.CreateSiteClient();
        await laptop.SignInAsync("all@example.com", "Right-pass-123");
        await phone.SignInAsync("all@example.com", "Right-pass-123");
        var account = await laptop.GetAsync("/account/manage");
        Assert.Contains("退出所有设备", account.Text);
        Assert.Contains("当前设备", account.Text);

        var done = await laptop.PostFormAsync("/account/manage", new Dictionary<string, string>(), "/account/manage?handler=SignOutEverywhere");

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        AssertSentToSignIn(await phone.GetAsync("/account/manage"));
        AssertSentToSignIn(await laptop.GetAsync("/account/manage"));
        Assert.Equal(0, await site.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == user.Id && s.RevokedAt == null)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "account.signout-everywhere" && e.Subject == $"user:{user.Id}")));
    }

    [Fact]
    public async Task Sign_out_of_all_devices_without_the_antiforgery_token_is_refused_and_ends_nothing()
    {
        await using var site = await SiteFactory.CreateAsync(); // counts every session of the site
        await site.CreateUserAsync("csrf@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("csrf@example.com", "Right-pass-123");

        var forged = await client.PostAsync("/account/manage?handler=SignOutEverywhere", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).Status);
        Assert.Equal(1, await site.WithDbAsync(db => db.UserSessions.CountAsync(s => s.RevokedAt == null)));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_browsers_but_not_this_one()
    {
        var site = shared.Site;
        await site.CreateUserAsync("change@example.com", "Right-pass-123");
        using var mine = site.CreateSiteClient();
        using var stolen = site.CreateSiteClient();
        await mine.SignInAsync("change@example.com", "Right-pass-123");
        await stolen.SignInAsync("change@example.com", "Right-pass-123");

        var changed = await mine.PostFormAsync("/account/manage/password", new Dictionary<string, string> { ["CurrentPassword"] = "Right-pass-123", ["NewPassword"] = "Newer-pass-456" });

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync("/account/manage")).Status);
        AssertSentToSignIn(await stolen.GetAsync("/account/manage"));
    }

    [Fact]
    public async Task Resetting_the_password_by_mail_ends_every_session_of_the_account()
    {
        var site = shared.Site;
        await site.CreateUserAsync("reset@example.com", "Right-pass-123");
        using var stolen = site.CreateSiteClient();
        await stolen.SignInAsync("reset@example.com", "Right-pass-123");
        using var owner = site.CreateSiteClient();
        await owner.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "reset@example.com" });
        var link = MailLinks.FirstLocalLink(await site.Smtp.WaitForAsync("reset@example.com"));

        var reset = await owner.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = "Newer-pass-456", ["ConfirmPassword"] = "Newer-pass-456" });

        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        AssertSentToSignIn(await stolen.GetAsync("/account/manage"));
    }

    [Fact]
    public async Task An_organizer_disabling_an_account_ends_its_sessions_at_once_without_waiting_for_the_stamp_check()
    {
        var site = shared.Site;
        var user = await site.CreateUserAsync("gone@example.com", "Right-pass-123", "Contestant");
        using var member = site.CreateSiteClient();
        await member.SignInAsync("gone@example.com", "Right-pass-123");
        using var organizer = await site.OrganizerAsync();

        await organizer.PostFormAsync($"/admin/users/{user.Id}", new Dictionary<string, string>(), $"/admin/users/{user.Id}?handler=ToggleDisabled");

        AssertSentToSignIn(await member.GetAsync("/account/manage"));
    }

    [Fact]
    public async Task A_signed_in_request_reads_its_session_without_reissuing_the_cookie_and_records_last_seen_coarsely()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("seen@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("seen@example.com", "Right-pass-123");
        var signedInAt = await site.WithDbAsync(db => db.UserSessions.Select(s => s.LastSeenAt).SingleAsync());

        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var page = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.False(page.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cs-auth", StringComparison.Ordinal)));
        Assert.Equal(signedInAt, await site.WithDbAsync(db => db.UserSessions.Select(s => s.LastSeenAt).SingleAsync()));

        site.Clock.Advance(TimeSpan.FromMinutes(6));
        await client.GetAsync("/account/manage");
        Assert.Equal(site.Clock.GetUtcNow(), await site.WithDbAsync(db => db.UserSessions.Select(s => s.LastSeenAt).SingleAsync()));
    }
}
