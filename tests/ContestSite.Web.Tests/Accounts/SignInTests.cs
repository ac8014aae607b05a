using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>
/// The lockout and throttling tests move the clock and count guesses per address, so each has a site of its own; the
/// return-url, antiforgery and sign-out tests use accounts of their own on a shared site.
/// </summary>
public sealed class SignInTests(SharedSite shared) : IClassFixture<SharedSite>
{
    private static readonly IPAddress Home = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress Cafe = IPAddress.Parse("192.0.2.20");
    private static readonly IPAddress Office = IPAddress.Parse("192.0.2.30");

    [Fact]
    public async Task Five_wrong_passwords_from_two_addresses_lock_the_account_and_only_the_right_password_learns_of_the_lock()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("locked@example.com", "Right-pass-123");
        using var first = site.CreateSiteClient(Home);
        using var second = site.CreateSiteClient(Cafe);

        for (var i = 0; i < 4; i++)
        {
            var wrong = await first.SignInAsync("locked@example.com", "wrong-pass-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Contains("邮箱或密码不正确", wrong.Text);
        }
        var fifth = await second.SignInAsync("locked@example.com", "wrong-pass-5");
        Assert.Contains("邮箱或密码不正确", fifth.Text);
        var sixth = await second.SignInAsync("locked@example.com", "wrong-pass-6");
        Assert.Contains("邮箱或密码不正确", sixth.Text);
        Assert.DoesNotContain("锁定", sixth.Text);
        var right = await second.SignInAsync("locked@example.com", "Right-pass-123");
        Assert.Contains("账号已锁定 15 分钟", right.Text);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/account/manage")).Status);

        var lockouts = await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.lockout" && e.Subject == $"user:{user.Id}"));
        Assert.Equal(1, lockouts);
        var failures = await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.signin" && e.Outcome == "wrong-password" && e.Subject == $"user:{user.Id}"));
        Assert.Equal(4, failures);
    }

    [Fact]
    public async Task Wrong_passwords_while_locked_do_not_extend_the_lock_which_ends_on_time()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("patience@example.com", "Right-pass-123");
        using var first = site.CreateSiteClient(Home);
        using var second = site.CreateSiteClient(Cafe);
        for (var i = 0; i < 4; i++) await first.SignInAsync("patience@example.com", "wrong-pass-" + i);
        await second.SignInAsync("patience@example.com", "wrong-pass-4");
        var lockedUntil = await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockedUntil);

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3; i++) Assert.Contains("邮箱或密码不正确", (await second.SignInAsync("patience@example.com", "still-wrong-" + i)).Text);
        Assert.Equal(lockedUntil, await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        site.Clock.Advance(TimeSpan.FromMinutes(6));
        using var owner = site.CreateSiteClient(Office);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync("patience@example.com", "Right-pass-123")).Status);
    }

    [Fact]
    public async Task One_client_cannot_lock_an_account_its_fifth_guess_is_refused_unchecked_and_the_owner_still_signs_in()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("target@example.com", "Right-pass-123");
        using var attacker = site.CreateSiteClient(Home);
        for (var i = 0; i < 4; i++) await attacker.SignInAsync("target@example.com", "wrong-pass-" + i);

        var fifth = await attacker.SignInAsync("target@example.com", "Right-pass-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.Status);
        Assert.NotNull(fifth.Headers.RetryAfter);
        Assert.Contains("操作过于频繁", fifth.Text);
        var row = await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.AccessFailedCount, u.LockoutEnd }).SingleAsync());
        Assert.Equal(4, row.AccessFailedCount);
        Assert.Null(row.LockoutEnd);
        Assert.Equal(0, await site.WithDbAsync(db => db.UserSessions.CountAsync()));
        using var owner = site.CreateSiteClient(Office);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync("target@example.com", "Right-pass-123")).Status);
    }

    [Fact]
    public async Task A_client_guessing_at_an_unknown_address_runs_out_of_guesses_just_like_at_a_real_one()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var attacker = site.CreateSiteClient(Home);
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await attacker.SignInAsync("ghost@example.com", "wrong-pass-" + i)).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignInAsync("ghost@example.com", "wrong-pass-5")).Status);

        site.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await attacker.SignInAsync("ghost@example.com", "wrong-pass-6")).Status);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored_after_sign_in()
    {
        var site = shared.Site;
        await site.CreateUserAsync("travel@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();

        var page = await client.SignInAsync("travel@example.com", "Right-pass-123", returnUrl: "//evil.example");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/", page.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/path")]
    [InlineData("javascript:alert(1)")]
    public async Task Other_forms_of_outside_return_urls_go_home_too(string returnUrl)
    {
        var site = shared.Site;
        var email = $"travel-{Guid.NewGuid():N}@example.com"; // one account per row, on the shared site
        await site.CreateUserAsync(email, "Right-pass-123");
        using var client = site.CreateSiteClient();

        var page = await client.SignInAsync(email, "Right-pass-123", returnUrl);

        Assert.Equal("/", page.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var site = shared.Site;
        await site.CreateUserAsync("home@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();

        var page = await client.SignInAsync("home@example.com", "Right-pass-123", "/announcements");

        Assert.Equal("/announcements", page.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected_and_nothing_is_created()
    {
        var site = shared.Site;
        using var client = site.CreateSiteClient();
        var before = await site.WithDbAsync(db => db.Users.CountAsync());

        var page = await client.PostAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "forged", ["Input.Email"] = "forged@example.com",
            ["Input.Password"] = "Forged-pass-1", ["Input.ConfirmPassword"] = "Forged-pass-1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("表单已过期", page.Text);
        Assert.Equal(before, await site.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Sign_out_needs_a_post_and_ends_the_session()
    {
        var site = shared.Site;
        await site.CreateUserAsync("out@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("out@example.com", "Right-pass-123");

        var get = await client.GetAsync("/account/logout");
        Assert.Contains("退出登录", get.Text);
        Assert.Contains("out", (await client.GetAsync("/account/manage")).Text);

        var posted = await client.PostFormAsync("/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var manage = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.Status);
        Assert.StartsWith("/account/login", manage.Location?.PathAndQuery ?? manage.Location?.OriginalString);
    }
}
