using System.Net;
using ContestSite.Data.Accounts;
using ContestSite.Web.Accounts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>The refused weak passwords share one site (nothing may be saved on it); the other tests have their own.</summary>
public sealed class RegistrationTests(SharedSite shared) : IClassFixture<SharedSite>
{
    private static Dictionary<string, string> Form(string email, string password = "Register-pass-1", string? confirm = null, string name = "小王") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_person_registers_confirms_by_the_mailed_link_and_signs_in(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        using var client = site.CreateSiteClient();

        var registered = await client.PostFormAsync("/account/register", Form("wang@example.com"));
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);

        var before = await client.SignInAsync("wang@example.com", "Register-pass-1");
        Assert.Contains("请先点击确认邮件中的链接完成邮箱确认", before.Text);

        var mail = await site.Smtp.WaitForAsync("wang@example.com");
        Assert.Equal("请确认您的邮箱", mail.Subject);
        var confirmed = await client.GetAsync(MailLinks.FirstLocalLink(mail));
        Assert.Contains("邮箱已确认", confirmed.Text);

        var signedIn = await client.SignInAsync("wang@example.com", "Register-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/", signedIn.Location?.OriginalString);
        var home = await client.GetAsync("/");
        Assert.Contains("小王", home.Text);
        Assert.Contains("退出", home.Text);

        var roles = await site.WithDbAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Contains("Contestant", roles);
    }

    [Fact]
    public async Task Registration_asks_only_for_email_password_and_display_name()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();
        var page = await client.GetAsync("/account/register");
        var inputs = System.Text.RegularExpressions.Regex.Matches(page.Html, "<input[^>]*name=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(n => n != "__RequestVerificationToken" && n != "returnUrl" && n != "culture").ToHashSet();
        Assert.Equal(new HashSet<string> { "Input.DisplayName", "Input.Email", "Input.Password", "Input.ConfirmPassword" }, inputs);
    }

    [Theory]
    [InlineData("short1", "密码至少需要 8 个字符")]
    [InlineData("abcdefghij", "密码至少需要包含一个数字")]
    [InlineData("11111111", "密码至少需要包含 4 个不同的字符")]
    public async Task A_weak_password_is_refused_with_the_rule_it_breaks_and_nothing_is_saved(string password, string message)
    {
        var site = shared.Site;
        using var client = site.CreateSiteClient();
        var usersBefore = await site.WithDbAsync(db => db.Users.CountAsync());

        var page = await client.PostFormAsync("/account/register", Form("weak@example.com", password));

        Assert.Contains(message, page.Text);
        Assert.Equal(usersBefore, await site.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "weak@example.com")));
    }

    [Fact]
    public void Passwords_are_hashed_with_PBKDF2_and_at_least_210000_iterations()
    {
        // The site's own registration, not a test site's: those hash at a low count for speed (SiteFactory).
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAccounts();
        using var provider = services.BuildServiceProvider();
        var hasher = provider.GetRequiredService<IPasswordHasher<SiteUser>>();

        var hash = Convert.FromBase64String(hasher.HashPassword(new SiteUser { DisplayName = "hash" }, "Any-pass-2020"));

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        var iterations = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4));
        Assert.True(iterations >= 210_000, $"iterations: {iterations}");
    }

    [Fact]
    public async Task A_made_up_confirmation_token_is_rejected_and_the_email_stays_unconfirmed()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();
        await client.PostFormAsync("/account/register", Form("fake@example.com"));
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "fake@example.com").Select(u => u.Id).SingleAsync());

        var page = await client.GetAsync($"/account/confirm-email?userId={id}&code=not-a-real-token");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("确认链接无效或已过期", page.Text);
        Assert.False(await site.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_confirmation_link_is_rejected_and_a_fresh_one_can_be_requested()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();
        await client.PostFormAsync("/account/register", Form("late@example.com"));
        var mail = await site.Smtp.WaitForAsync("late@example.com");

        site.Clock.Advance(TimeSpan.FromHours(25));
        var page = await client.GetAsync(MailLinks.FirstLocalLink(mail));

        Assert.Contains("确认链接无效或已过期", page.Text);
        Assert.False(await site.WithDbAsync(db => db.Users.Where(u => u.Email == "late@example.com").Select(u => u.EmailConfirmed).SingleAsync()));

        await client.PostFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Email"] = "late@example.com" });
        var fresh = await site.Smtp.WaitForAsync("late@example.com", m => MailLinks.FirstLocalLink(m) != MailLinks.FirstLocalLink(mail));
        Assert.Contains("邮箱已确认", (await client.GetAsync(MailLinks.FirstLocalLink(fresh))).Text);
    }

    [Fact]
    public async Task Registration_succeeds_while_the_mail_server_is_down_and_the_mail_goes_out_once_it_is_back()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.Smtp.StopAsync();
        using var client = site.CreateSiteClient();

        var registered = await client.PostFormAsync("/account/register", Form("patient@example.com"));
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        Assert.True(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "patient@example.com")));

        // The dispatcher tries, fails and keeps the message for a retry.
        await site.WhileTimePassesUntilAsync(() => site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "patient@example.com" && m.Attempts > 0 && m.LastError != null)));
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt != null && m.ToAddress == "patient@example.com")));

        await site.Smtp.RestartAsync();
        site.Clock.Advance(TimeSpan.FromMinutes(1)); // past the retry's backoff
        var mail = await site.Smtp.WaitForAsync("patient@example.com");
        Assert.Equal("请确认您的邮箱", mail.Subject);
        await site.WhileTimePassesUntilAsync(() => site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "patient@example.com" && m.SentAt != null)));
        Assert.Single(site.Smtp.Received, m => m.To.ToString().Contains("patient@example.com"));
    }

}
