using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Accounts;

public sealed class SignInTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_only_the_right_password_learns_of_the_lock()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("locked@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync("locked@example.com", "wrong-pass-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
            Assert.Contains("邮箱或密码不正确", wrong.Text);
        }
        var sixth = await client.SignInAsync("locked@example.com", "wrong-pass-6");
        Assert.Contains("邮箱或密码不正确", sixth.Text);
        Assert.DoesNotContain("锁定", sixth.Text);
        var right = await client.SignInAsync("locked@example.com", "Right-pass-123");
        Assert.Contains("账号已锁定", right.Text);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).Status);

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
        using var client = site.CreateSiteClient();
        for (var i = 0; i < 5; i++) await client.SignInAsync("patience@example.com", "wrong-pass-" + i);
        var lockedUntil = await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockedUntil);

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3; i++) await client.SignInAsync("patience@example.com", "still-wrong-" + i);
        Assert.Equal(lockedUntil, await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));

        site.Clock.Advance(TimeSpan.FromMinutes(6));
        var after = await client.SignInAsync("patience@example.com", "Right-pass-123");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored_after_sign_in()
    {
        await using var site = await SiteFactory.CreateAsync();
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
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("travel2@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();

        var page = await client.SignInAsync("travel2@example.com", "Right-pass-123", returnUrl);

        Assert.Equal("/", page.Location?.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("home@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();

        var page = await client.SignInAsync("home@example.com", "Right-pass-123", "/announcements");

        Assert.Equal("/announcements", page.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected_and_nothing_is_created()
    {
        await using var site = await SiteFactory.CreateAsync();
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
        await using var site = await SiteFactory.CreateAsync();
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
