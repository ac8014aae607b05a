using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Accounts;
using ContestSite.Web.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>The site's real throttle limits against scripted sign-in, registration and mail forms.</summary>
public sealed class ThrottlingTests
{
    private const string Password = "Right-pass-123";
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");

    private static Task<SiteFactory> SiteAsync() => SiteFactory.CreateAsync(settings: SiteFactory.UseRealThrottleLimits);

    private static IPAddress Address(int i) => IPAddress.Parse($"198.51.100.{i + 1}");

    private static Task<int> FailedCountAsync(SiteFactory site, string email) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync());

    private static void AssertThrottled(SiteClient.Page page, int atMostSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        var retryAfter = int.Parse(Assert.Single(page.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, atMostSeconds);
        Assert.Contains("操作过于频繁", page.Text);
        Assert.Contains($"请在 {retryAfter} 秒后再试", page.Text);
    }

    [Fact]
    public async Task Forty_sign_ins_against_forty_accounts_from_one_address_stop_at_ten_and_the_rest_never_reach_the_password_check()
    {
        await using var site = await SiteAsync();
        var emails = Enumerable.Range(0, 40).Select(i => $"spray{i}@example.com").ToList();
        foreach (var email in emails) await site.CreateUserAsync(email, Password);
        using var attacker = site.CreateSiteClient(Attacker);

        var answers = new List<SiteClient.Page>();
        foreach (var email in emails) answers.Add(await attacker.SignInAsync(email, "Summer2020!"));

        Assert.All(answers.Take(10), a => Assert.Contains("邮箱或密码不正确", a.Text));
        Assert.All(answers.Skip(10), a => AssertThrottled(a, 60));
        foreach (var email in emails.Take(10)) Assert.Equal(1, await FailedCountAsync(site, email));
        foreach (var email in emails.Skip(10)) Assert.Equal(0, await FailedCountAsync(site, email));
        Assert.Equal(10, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.signin" && e.Outcome == "wrong-password")));
    }

    [Fact]
    public async Task One_account_attacked_from_many_addresses_is_stopped_by_its_own_limit()
    {
        await using var site = await SiteAsync();
        var victim = await site.CreateUserAsync("victim@example.com", Password);

        var answers = new List<SiteClient.Page>();
        for (var i = 0; i < 12; i++)
        {
            using var bot = site.CreateSiteClient(Address(i));
            answers.Add(await bot.SignInAsync("VICTIM@example.com ", "Guess-" + i));
        }

        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Skip(10), a => AssertThrottled(a, 60));
        // Ten reached the password check (the fifth locked the account); the last two did not.
        Assert.Equal(10, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == $"user:{victim.Id}" && e.Action.StartsWith("account."))));
    }

    [Fact]
    public async Task After_the_window_the_throttled_address_may_sign_in_again()
    {
        await using var site = await SiteAsync();
        await site.CreateUserAsync("patient@example.com", Password);
        using var client = site.CreateSiteClient(Attacker);
        for (var i = 0; i < 10; i++) await client.SignInAsync($"other{i}@example.com", "Guess-" + i);
        AssertThrottled(await client.SignInAsync("patient@example.com", Password), 60);

        site.Clock.Advance(TimeSpan.FromMinutes(1));
        var signedIn = await client.SignInAsync("patient@example.com", Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage")).Status);
    }

    [Fact]
    public async Task A_throttled_address_still_reads_the_sign_in_page_and_other_addresses_still_sign_in()
    {
        await using var site = await SiteAsync();
        await site.CreateUserAsync("bystander@example.com", Password);
        using var attacker = site.CreateSiteClient(Attacker);
        for (var i = 0; i < 11; i++) await attacker.SignInAsync($"other{i}@example.com", "Guess-" + i);

        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/account/login")).Status);
        using var bystander = site.CreateSiteClient(Address(1));
        Assert.Equal(HttpStatusCode.Redirect, (await bystander.SignInAsync("bystander@example.com", Password)).Status);
    }

    [Fact]
    public async Task A_throttled_client_that_asks_for_json_gets_json_with_the_wait()
    {
        await using var site = await SiteAsync();
        using var attacker = site.CreateSiteClient(Attacker);
        for (var i = 0; i < 10; i++) await attacker.SignInAsync($"other{i}@example.com", "Guess-" + i);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "y" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await attacker.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
        Assert.InRange(body.RootElement.GetProperty("retryAfter").GetInt32(), 1, 60);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_throttle_page_speaks_english_to_an_english_visitor()
    {
        await using var site = await SiteAsync();
        using var attacker = site.CreateSiteClient(Attacker);
        await attacker.PostFormAsync("/account/login", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/culture");
        for (var i = 0; i < 10; i++) await attacker.SignInAsync($"other{i}@example.com", "Guess-" + i);

        var page = await attacker.SignInAsync("x@example.com", "Guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Contains("Please try again in", page.Text);
    }

    [Fact]
    public async Task Scripted_registrations_from_one_address_stop_at_five_and_make_no_sixth_account_or_mail()
    {
        await using var site = await SiteAsync();
        using var bot = site.CreateSiteClient(Attacker);
        var usersBefore = await site.WithDbAsync(db => db.Users.CountAsync());

        var answers = new List<SiteClient.Page>();
        for (var i = 0; i < 6; i++)
            answers.Add(await bot.PostFormAsync("/account/register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "bot", ["Input.Email"] = $"bot{i}@example.com", ["Input.Password"] = "Register-pass-1", ["Input.ConfirmPassword"] = "Register-pass-1",
            }));

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        AssertThrottled(answers[5], 600);
        Assert.Equal(usersBefore + 5, await site.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "bot5@example.com")));
    }

    [Fact]
    public async Task Password_reset_mails_to_one_address_stop_at_three_whatever_the_sending_address()
    {
        await using var site = await SiteAsync();
        await site.CreateUserAsync("flooded@example.com", Password);

        var answers = new List<SiteClient.Page>();
        for (var i = 0; i < 4; i++)
        {
            using var bot = site.CreateSiteClient(Address(i));
            answers.Add(await bot.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "flooded@example.com" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        AssertThrottled(answers[3], 600);
        Assert.Equal(3, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "flooded@example.com")));
    }

    [Fact]
    public async Task Resend_confirmation_is_throttled_by_address_too()
    {
        await using var site = await SiteAsync();
        using var bot = site.CreateSiteClient(Attacker);

        var answers = new List<SiteClient.Page>();
        for (var i = 0; i < 6; i++)
            answers.Add(await bot.PostFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Email"] = $"someone{i}@example.com" }));

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        AssertThrottled(answers[5], 600);
    }

    [Fact]
    public async Task Change_email_mails_from_one_signed_in_account_stop_at_three_whatever_the_address()
    {
        await using var site = await SiteAsync();
        await site.CreateUserAsync("mover@example.com", Password);
        using var client = site.CreateSiteClient(Attacker);
        await client.SignInAsync("mover@example.com", Password);

        var answers = new List<SiteClient.Page>();
        for (var i = 0; i < 4; i++)
            answers.Add(await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["NewEmail"] = $"new{i}@example.com", ["Password"] = Password }));

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        AssertThrottled(answers[3], 600);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "new3@example.com")));
        Assert.Equal("mover@example.com", await site.WithDbAsync(db => db.Users.Select(u => u.Email).SingleAsync(e => e == "mover@example.com")));
    }

    [Fact]
    public void A_throttle_limit_of_zero_or_a_window_of_zero_stops_the_site_with_the_settings_name()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContestSite:Throttling:SignIn:PerAddress"] = "0",
            ["ContestSite:Throttling:Mail:Window"] = "00:00:00",
        }).Build());
        services.AddThrottling();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ThrottlingOptions>>().Value);

        Assert.Contains("ContestSite__Throttling__SignIn__PerAddress must be at least 1 (was 0)", error.Message);
        Assert.Contains("ContestSite__Throttling__Mail__Window must be between", error.Message);
    }

    [Fact]
    public void The_default_limits_are_the_documented_ones()
    {
        var defaults = new ThrottlingOptions();
        Assert.Equal((10, 10, TimeSpan.FromMinutes(1)), (defaults.SignIn.PerAddress, defaults.SignIn.PerAccount, defaults.SignIn.Window));
        Assert.Equal((5, 3, TimeSpan.FromMinutes(10)), (defaults.Registration.PerAddress, defaults.Registration.PerAccount, defaults.Registration.Window));
        Assert.Equal((5, 3, TimeSpan.FromMinutes(10)), (defaults.Mail.PerAddress, defaults.Mail.PerAccount, defaults.Mail.Window));
        Assert.Equal((10, 10, TimeSpan.FromMinutes(1)), (defaults.InviteCode.PerAddress, defaults.InviteCode.PerAccount, defaults.InviteCode.Window));
        Assert.True(new ThrottlingOptionsValidator().Validate(null, defaults).Succeeded);
    }

    [Fact]
    public void A_lockout_window_shorter_than_the_lock_is_refused_at_start()
    {
        var result = new LockoutOptionsValidator().Validate(null, new LockoutOptions { Duration = TimeSpan.FromMinutes(30), ClientFailureWindow = TimeSpan.FromMinutes(10) });

        Assert.True(result.Failed);
        Assert.Contains("ContestSite__Accounts__Lockout__ClientFailureWindow", result.FailureMessage);
        Assert.True(new LockoutOptionsValidator().Validate(null, new LockoutOptions()).Succeeded);
    }
}
