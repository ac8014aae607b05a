using System.Net;
using ContestSite.Data.Accounts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>Signing in an account with an authenticator: the password, then a code from the app (or a recovery code).</summary>
public sealed class TwoFactorSignInTests
{
    private const string Password = "Right-pass-123";
    private const string CodePage = "/account/login/code";

    private static async Task<SiteFactory> SiteWithAuthenticatorAsync(string email, Action<Dictionary<string, string?>>? settings = null, DateTimeOffset? now = null)
    {
        var site = await SiteFactory.CreateAsync(settings: settings, now: now);
        await site.CreateUserAsync(email, Password, "Contestant");
        await site.EnrolAuthenticatorAsync(email);
        return site;
    }

    private static Task<SiteClient.Page> CodeAsync(SiteClient client, string code, bool rememberDevice = false) =>
        client.PostFormAsync(CodePage, new Dictionary<string, string> { ["Code"] = code, ["RememberDevice"] = rememberDevice ? "true" : "false" });

    private static Task<SiteClient.Page> RecoveryCodeAsync(SiteClient client, string code) =>
        client.PostFormAsync("/account/login/recovery-code", new Dictionary<string, string> { ["RecoveryCode"] = code });

    private static async Task<bool> IsSignedInAsync(SiteClient client) => (await client.GetAsync("/account/manage")).Status == HttpStatusCode.OK;

    private static Task<int> OpenSessionsAsync(SiteFactory site, string email) =>
        site.WithDbAsync(db => db.UserSessions.CountAsync(s => s.RevokedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email)));

    private static async Task<IReadOnlyList<string>> RecoveryCodesAsync(SiteFactory site, string email)
    {
        IReadOnlyList<string> codes = [];
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.ToList();
        });
        return codes;
    }

    [Fact]
    public async Task An_enrolled_account_is_asked_for_the_code_after_the_password_and_is_signed_in_only_with_it()
    {
        await using var site = await SiteWithAuthenticatorAsync("otp@example.com");
        using var client = site.CreateSiteClient();

        var password = await client.SignInAsync("otp@example.com", Password, returnUrl: "/announcements");
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.Equal(CodePage + "?returnUrl=%2Fannouncements", password.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(client));
        Assert.Equal(0, await OpenSessionsAsync(site, "otp@example.com"));

        var form = await client.GetAsync(CodePage);
        Assert.Contains("autocomplete=\"one-time-code\"", form.Html);
        Assert.Contains("inputmode=\"numeric\"", form.Html);
        Assert.Contains("<label for=\"Code\">验证码</label>", form.Html);
        var code = await client.PostFormAsync(CodePage + "?returnUrl=%2Fannouncements", new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync("otp@example.com") });

        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        Assert.Equal("/announcements", code.Location!.OriginalString);
        Assert.True(await IsSignedInAsync(client));
        Assert.Equal(1, await OpenSessionsAsync(site, "otp@example.com"));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.signin" && e.Outcome == "code-required")));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.signin" && e.Outcome == "ok" && e.Detail == "authenticator")));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_signs_nobody_in_and_counts_as_a_failed_attempt()
    {
        await using var site = await SiteWithAuthenticatorAsync("wrong@example.com");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("wrong@example.com", Password);
        var right = await site.AuthenticatorCodeAsync("wrong@example.com");
        var wrong = right == "000000" ? "111111" : "000000";

        var page = await CodeAsync(client, wrong);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("验证码不正确。", page.Text);
        Assert.False(await IsSignedInAsync(client));
        Assert.Equal(0, await OpenSessionsAsync(site, "wrong@example.com"));
        Assert.Equal(1, await site.WithDbAsync(db => db.Users.Where(u => u.Email == "wrong@example.com").Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.signin" && e.Outcome == "wrong-code")));
    }

    [Fact]
    public async Task A_code_that_was_used_is_refused_while_it_is_still_valid_and_the_next_code_works()
    {
        await using var site = await SiteWithAuthenticatorAsync("replay@example.com");
        using var owner = site.CreateSiteClient();
        await owner.SignInAsync("replay@example.com", Password);
        var code = await site.AuthenticatorCodeAsync("replay@example.com");
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(owner, code)).Status);

        // Someone who saw the password and the code tries them at once, from another browser.
        using var onlooker = site.CreateSiteClient();
        await onlooker.SignInAsync("replay@example.com", Password);
        var replay = await CodeAsync(onlooker, code);

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Contains("验证码不正确。", replay.Text);
        Assert.False(await IsSignedInAsync(onlooker));
        Assert.Equal(1, await OpenSessionsAsync(site, "replay@example.com"));

        site.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(onlooker, await site.AuthenticatorCodeAsync("replay@example.com"))).Status);
        Assert.Equal(2, await OpenSessionsAsync(site, "replay@example.com"));
    }

    [Fact]
    public async Task The_code_is_checked_on_the_sites_clock_with_one_step_of_drift_either_side()
    {
        // The site's clock stands far from the machine's: a code of the machine's time must not pass.
        await using var site = await SiteWithAuthenticatorAsync("clock@example.com", now: new DateTimeOffset(2020, 11, 2, 9, 0, 10, TimeSpan.Zero));
        var key = await site.AuthenticatorKeyAsync("clock@example.com");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("clock@example.com", Password);

        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(client, Authenticator.CodeAt(key, DateTimeOffset.UtcNow))).Status);
        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(client, Authenticator.CodeAt(key, site.Clock.GetUtcNow().AddSeconds(-60)))).Status);
        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(client, Authenticator.CodeAt(key, site.Clock.GetUtcNow().AddSeconds(60)))).Status);
        var late = await CodeAsync(client, Authenticator.CodeAt(key, site.Clock.GetUtcNow().AddSeconds(-30)));

        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        Assert.True(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Each_recovery_code_signs_in_once_and_the_owner_is_mailed()
    {
        await using var site = await SiteWithAuthenticatorAsync("lost-phone@example.com");
        var codes = await RecoveryCodesAsync(site, "lost-phone@example.com");
        using var first = site.CreateSiteClient();
        await first.SignInAsync("lost-phone@example.com", Password);

        var used = await RecoveryCodeAsync(first, codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, used.Status);
        Assert.True(await IsSignedInAsync(first));
        var mail = await site.Smtp.WaitForAsync("lost-phone@example.com", m => m.Subject == "有人用恢复码登录了您的账号");
        Assert.Contains("还剩 9 个", mail.TextBody);

        using var second = site.CreateSiteClient();
        await second.SignInAsync("lost-phone@example.com", Password);
        var again = await RecoveryCodeAsync(second, codes[0]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("恢复码不正确，或已经用过。", again.Text);
        Assert.False(await IsSignedInAsync(second));

        Assert.Equal(HttpStatusCode.Redirect, (await RecoveryCodeAsync(second, codes[1])).Status);
        Assert.True(await IsSignedInAsync(second));
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            Assert.Equal(8, await users.CountRecoveryCodesAsync((await users.FindByEmailAsync("lost-phone@example.com"))!));
        });
    }

    [Fact]
    public async Task A_remembered_device_skips_the_code_for_thirty_days_and_then_is_asked_again()
    {
        await using var site = await SiteWithAuthenticatorAsync("laptop@example.com");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("laptop@example.com", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(client, await site.AuthenticatorCodeAsync("laptop@example.com"), rememberDevice: true)).Status);
        await client.PostFormAsync("/account/logout", new Dictionary<string, string>());
        Assert.False(await IsSignedInAsync(client));

        site.Clock.Advance(TimeSpan.FromDays(29));
        var remembered = await client.SignInAsync("laptop@example.com", Password);
        Assert.Equal("/", remembered.Location!.OriginalString);
        Assert.True(await IsSignedInAsync(client));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.signin" && e.Detail == "remembered device")));
        await client.PostFormAsync("/account/logout", new Dictionary<string, string>());

        // Another browser is not remembered; and the first one no longer after 30 days, however often it was used.
        using var other = site.CreateSiteClient();
        Assert.Equal(CodePage, (await other.SignInAsync("laptop@example.com", Password)).Location!.OriginalString);
        site.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var expired = await client.SignInAsync("laptop@example.com", Password);
        Assert.Equal(CodePage, expired.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_like_wrong_passwords_and_one_client_spends_at_most_four()
    {
        await using var site = await SiteWithAuthenticatorAsync("guessed@example.com");
        var right = await site.AuthenticatorCodeAsync("guessed@example.com");
        var wrong = Enumerable.Range(0, 6).Select(i => ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1 + i * 7) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using var first = site.CreateSiteClient(IPAddress.Parse("198.51.100.7"));
        await first.SignInAsync("guessed@example.com", Password);
        for (var i = 0; i < 4; i++) Assert.Contains("验证码不正确。", (await CodeAsync(first, wrong[i])).Text);

        var fifthFromFirst = await CodeAsync(first, wrong[4]);
        Assert.Equal(HttpStatusCode.TooManyRequests, fifthFromFirst.Status);
        Assert.Equal(4, await site.WithDbAsync(db => db.Users.Where(u => u.Email == "guessed@example.com").Select(u => u.AccessFailedCount).SingleAsync()));

        using var second = site.CreateSiteClient(IPAddress.Parse("203.0.113.9"));
        await second.SignInAsync("guessed@example.com", Password);
        var fifth = await CodeAsync(second, wrong[5]);
        Assert.Equal(HttpStatusCode.Redirect, fifth.Status);
        Assert.StartsWith("/account/login", fifth.Location!.OriginalString);
        Assert.True(await site.WithDbAsync(db => db.Users.Where(u => u.Email == "guessed@example.com").Select(u => u.LockoutEnd).SingleAsync()) > site.Clock.GetUtcNow());
        Assert.Equal(1, await site.AuditCountAsync("account.lockout"));

        // Locked: the right password is answered with the lock, and the right code is never reached.
        var again = await second.SignInAsync("guessed@example.com", Password);
        Assert.Contains("账号已锁定", again.Text);
        var token = (await second.GetAsync("/account/login")).AntiforgeryToken!;
        var code = await second.PostAsync(CodePage, new Dictionary<string, string> { ["Code"] = right, ["__RequestVerificationToken"] = token });
        Assert.StartsWith("/account/login", code.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(second));
        Assert.Equal(0, await OpenSessionsAsync(site, "guessed@example.com"));
    }

    [Fact]
    public async Task The_code_pages_are_throttled_like_sign_in()
    {
        await using var site = await SiteFactory.CreateAsync(settings: SiteFactory.UseRealThrottleLimits);
        using var bot = site.CreateSiteClient(IPAddress.Parse("198.51.100.20"));
        var token = (await bot.GetAsync("/account/login")).AntiforgeryToken!;
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            answers.Add((await bot.PostAsync(i % 2 == 0 ? CodePage : "/account/login/recovery-code",
                new Dictionary<string, string> { ["Code"] = "123456", ["RecoveryCode"] = "AAAAA-BBBBB", ["__RequestVerificationToken"] = token })).Status);

        Assert.All(answers.Take(10), status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[10]);
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_sends_to_sign_in_and_signs_nobody_in()
    {
        await using var site = await SiteWithAuthenticatorAsync("skip@example.com");
        using var client = site.CreateSiteClient();

        var page = await client.GetAsync(CodePage);
        var token = (await client.GetAsync("/account/login")).AntiforgeryToken!;
        var posted = await client.PostAsync(CodePage, new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync("skip@example.com"), ["__RequestVerificationToken"] = token });

        Assert.StartsWith("/account/login", page.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.StartsWith("/account/login", posted.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(client));
        Assert.Null(await site.WithDbAsync(db => db.Users.Where(u => u.Email == "skip@example.com").Select(u => u.LastAuthenticatorTimeStep).SingleAsync()));
    }
}
