using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ContestSite.Data.Accounts;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>Enrolling an authenticator; organizers and judges must, before any other page; an organizer resets one.</summary>
public sealed partial class TwoFactorEnrolmentTests
{
    private const string Password = "Right-pass-123";
    private const string Enrolment = "/account/two-factor";

    [GeneratedRegex("<code class=\"authenticator-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex GroupedKey();

    [GeneratedRegex("<li><code>([A-Z0-9]{5}-[A-Z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodeItem();

    private static async Task<SiteClient> PasswordOnlyAsync(SiteFactory site, string email, string password = Password)
    {
        var client = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).Status);
        return client;
    }

    private static void AssertSentToEnrolment(SiteClient.Page page, string what)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"{what} answered {(int)page.Status}, not a redirect to enrolment");
        Assert.StartsWith(Enrolment, page.Location!.OriginalString);
    }

    private static Task<(bool Enabled, long? Step)> StateAsync(SiteFactory site, string email) =>
        site.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new ValueTuple<bool, long?>(u.TwoFactorEnabled, u.LastAuthenticatorTimeStep)).SingleAsync());

    [Fact]
    public async Task An_organizer_is_sent_to_enrolment_takes_the_key_from_the_page_confirms_a_code_and_gets_ten_recovery_codes_once()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await PasswordOnlyAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);

        AssertSentToEnrolment(await organizer.GetAsync("/admin/users"), "/admin/users");
        var page = await organizer.GetAsync(Enrolment + "?returnUrl=%2Fadmin%2Fusers");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Headers.CacheControl?.NoStore, "the enrolment page may be kept in a cache");
        var key = GroupedKey().Match(page.Html).Groups[1].Value;
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", key);
        Assert.Contains("src=\"data:image/png;base64,", page.Html);
        Assert.Contains($"otpauth://totp/{Uri.EscapeDataString("浙江省数据开放创新应用大赛")}:{Uri.EscapeDataString(SiteFactory.OrganizerEmail)}?secret={key.Replace(" ", "", StringComparison.Ordinal)}&amp;issuer=", page.Html);
        Assert.Contains("autocomplete=\"one-time-code\"", page.Html);
        Assert.Equal(key, GroupedKey().Match((await organizer.GetAsync(Enrolment)).Html).Groups[1].Value);

        var code = Authenticator.CodeAt(key.Replace(" ", "", StringComparison.Ordinal), site.Clock.GetUtcNow());
        var enabled = await organizer.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = code[..3] + " " + code[3..], ["ReturnUrl"] = "/admin/users" }, Enrolment + "?handler=Enable");

        var codes = RecoveryCodeItem().Matches(enabled.Html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("href=\"/admin/users\"", enabled.Html);
        Assert.True((await StateAsync(site, SiteFactory.OrganizerEmail)).Enabled);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin/users")).Status);
        Assert.Empty(RecoveryCodeItem().Matches((await organizer.GetAsync(Enrolment)).Html));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "account.two-factor.enabled" && e.Outcome == "ok")));
        await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject == "您的账号已启用两步验证");
    }

    [Fact]
    public async Task A_wrong_code_at_enrolment_enables_nothing()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("new-judge@example.com", Password, "Judge");
        using var judge = await PasswordOnlyAsync(site, "new-judge@example.com");
        await judge.GetAsync(Enrolment);
        var right = await site.AuthenticatorCodeAsync("new-judge@example.com");

        var page = await judge.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = right == "000000" ? "999999" : "000000" }, Enrolment + "?handler=Enable");

        Assert.Contains("验证码不正确", page.Text);
        Assert.Empty(RecoveryCodeItem().Matches(page.Html));
        Assert.Equal((false, (long?)null), await StateAsync(site, "new-judge@example.com"));
        AssertSentToEnrolment(await judge.GetAsync("/judging"), "/judging");
    }

    [Fact]
    public async Task No_organizer_or_judge_page_opens_and_nothing_changes_before_enrolment()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("judge@example.com", Password, "Judge");
        using var organizer = await PasswordOnlyAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        using var judge = await PasswordOnlyAsync(site, "judge@example.com");
        var routes = RouteTable(site);
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");
        Assert.Contains(routes, r => r.Path == "/admin/contest");
        Assert.Contains(routes, r => r.Path == "/judging");
        var auditBefore = await site.WithDbAsync(db => db.AuditEntries.CountAsync());
        var maxTeamSizeBefore = await site.WithDbAsync(db => db.Contests.Select(c => c.MaxTeamSize).SingleAsync());

        foreach (var client in new[] { organizer, judge })
            foreach (var (method, path) in routes)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET") request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
                using var response = await client.Http.SendAsync(request);
                AssertSentToEnrolment(await SiteClient.Page.ReadAsync(response), $"{method} {path}");
            }
        var token = (await organizer.GetAsync(Enrolment)).AntiforgeryToken!;
        var posted = await organizer.PostAsync("/admin/contest", new Dictionary<string, string> { ["Input.MaxTeamSize"] = "9", ["__RequestVerificationToken"] = token });

        AssertSentToEnrolment(posted, "POST /admin/contest with a valid form");
        Assert.Equal(maxTeamSizeBefore, await site.WithDbAsync(db => db.Contests.Select(c => c.MaxTeamSize).SingleAsync()));
        Assert.Equal(auditBefore, await site.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync(Enrolment)).Status);
    }

    /// <summary>Every route of the site but those enrolment needs, with its parameters filled in, and the method it answers.</summary>
    private static List<(string Method, string Path)> RouteTable(SiteFactory site)
    {
        string[] open = ["/account/two-factor", "/account/logout", "/error", "/culture", "/healthz"];
        return site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Method: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods && !methods.Contains("GET") ? methods[0] : "GET",
                Path: "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1"
                    : m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.Empty.ToString() : "x")))
            .Where(r => !open.Any(o => r.Path.StartsWith(o, StringComparison.OrdinalIgnoreCase)))
            .Distinct().ToList();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task A_role_granted_later_sends_the_member_to_enrolment_at_their_next_request()
    {
        await using var site = await SiteFactory.CreateAsync();
        var contestant = await site.CreateUserAsync("promoted@example.com", Password, "Contestant");
        using var client = await PasswordOnlyAsync(site, "promoted@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).Status);

        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(contestant.Id))!, "Judge");
        });

        AssertSentToEnrolment(await client.GetAsync("/teams"), "/teams");
    }

    [Fact]
    public async Task A_custom_role_holding_a_staff_right_sends_its_member_to_enrolment_and_one_holding_only_public_rights_does_not()
    {
        await using var site = await SiteFactory.CreateAsync();
        // An organizer's own role with the rights to decide restricted-data applications, under a name that is neither Organizer nor Judge.
        await site.WithScopeAsync(async services =>
        {
            var roles = services.GetRequiredService<RoleManager<SiteRole>>();
            await roles.CreateAsync(new SiteRole { Name = "数据专员" });
            await roles.AddClaimAsync((await roles.FindByNameAsync("数据专员"))!, new Claim(PermissionPolicies.ClaimType, "bundles.decide"));
            await roles.CreateAsync(new SiteRole { Name = "观众" });
            foreach (var right in new[] { "gallery.view", "catalog.view", "catalog.download" })
                await roles.AddClaimAsync((await roles.FindByNameAsync("观众"))!, new Claim(PermissionPolicies.ClaimType, right));
        });
        await site.CreateUserAsync("officer@example.com", Password, "Contestant", "数据专员");
        await site.CreateUserAsync("viewer@example.com", Password, "Contestant", "观众");
        using var officer = await PasswordOnlyAsync(site, "officer@example.com");
        using var viewer = await PasswordOnlyAsync(site, "viewer@example.com");

        AssertSentToEnrolment(await officer.GetAsync("/admin/data-applications"), "/admin/data-applications");
        AssertSentToEnrolment(await officer.GetAsync("/teams"), "/teams");
        Assert.Contains("您的角色（组织者、评委或其他管理角色）要求使用两步验证", (await officer.GetAsync(Enrolment)).Text);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/teams")).Status);
        Assert.Contains("两步验证可选", (await viewer.GetAsync(Enrolment)).Text);
    }

    [Fact]
    public async Task A_contestant_is_never_sent_to_enrolment_may_enrol_and_may_switch_it_off_again()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("player@example.com", Password, "Contestant");
        using var client = await PasswordOnlyAsync(site, "player@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).Status);

        var page = await client.GetAsync(Enrolment);
        Assert.Contains("两步验证可选", page.Text);
        var enabled = await client.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync("player@example.com") }, Enrolment + "?handler=Enable");
        Assert.Equal(10, RecoveryCodeItem().Count(enabled.Html));
        Assert.True((await StateAsync(site, "player@example.com")).Enabled);

        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var disabled = await client.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync("player@example.com") }, Enrolment + "?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        Assert.False((await StateAsync(site, "player@example.com")).Enabled);
        Assert.Equal(0, await site.WithDbAsync(db => db.UserTokens.CountAsync(t => db.Users.Any(u => u.Id == t.UserId && u.Email == "player@example.com"))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).Status);
        using var again = site.CreateSiteClient();
        Assert.Equal("/", (await again.SignInAsync("player@example.com", Password)).Location!.OriginalString);
    }

    [Fact]
    public async Task An_organizer_cannot_switch_their_authenticator_off_even_with_a_right_code()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(30));

        var page = await organizer.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync(SiteFactory.OrganizerEmail) }, Enrolment + "?handler=Disable");

        Assert.Contains("不能关闭", page.Text);
        Assert.True((await StateAsync(site, SiteFactory.OrganizerEmail)).Enabled);
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task New_recovery_codes_need_a_current_code_and_replace_the_old_ones()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var refused = await organizer.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = "12345" }, Enrolment + "?handler=RecoveryCodes");
        Assert.Empty(RecoveryCodeItem().Matches(refused.Html));

        var page = await organizer.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync(SiteFactory.OrganizerEmail) }, Enrolment + "?handler=RecoveryCodes");

        var codes = RecoveryCodeItem().Matches(page.Html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        await site.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<SiteUser>>();
            var user = (await users.FindByEmailAsync(SiteFactory.OrganizerEmail))!;
            Assert.Equal(10, await users.CountRecoveryCodesAsync(user));
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        });
    }

    [Fact]
    public async Task The_key_and_the_recovery_codes_are_stored_encrypted()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("stored@example.com", Password, "Contestant");
        using var client = await PasswordOnlyAsync(site, "stored@example.com");
        var key = GroupedKey().Match((await client.GetAsync(Enrolment)).Html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await client.PostFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = Authenticator.CodeAt(key, site.Clock.GetUtcNow()) }, Enrolment + "?handler=Enable");
        var codes = RecoveryCodeItem().Matches(enabled.Html).Select(m => m.Groups[1].Value).ToList();

        var stored = await site.WithDbAsync(db => db.UserTokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == "stored@example.com")).Select(t => t.Value!).ToListAsync());

        Assert.Equal(2, stored.Count);
        Assert.All(stored, value => Assert.DoesNotContain(key, value, StringComparison.OrdinalIgnoreCase));
        Assert.All(codes, code => Assert.All(stored, value => Assert.DoesNotContain(code, value, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(key, await site.AuthenticatorKeyAsync("stored@example.com"));
    }

    [Fact]
    public async Task An_organizer_resets_a_judges_authenticator_audited_mailed_in_the_judges_language_and_the_judges_sessions_end()
    {
        await using var site = await SiteFactory.CreateAsync();
        var judgeId = await site.JudgeAsync("judge.en@example.com");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == judgeId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        using var judge = await site.SignedInAsync("judge.en@example.com");
        Assert.Equal(HttpStatusCode.OK, (await judge.GetAsync("/account/manage")).Status);
        using var organizer = await site.OrganizerAsync();
        var auditBefore = await site.AuditCountAsync("account.two-factor.reset");

        var reset = await organizer.PostFormAsync($"/admin/users/{judgeId}", new Dictionary<string, string>(), $"/admin/users/{judgeId}?handler=ResetTwoFactor");

        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.False((await StateAsync(site, "judge.en@example.com")).Enabled);
        Assert.Equal(0, await site.WithDbAsync(db => db.UserTokens.CountAsync(t => t.UserId == judgeId)));
        var entry = await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "account.two-factor.reset").OrderBy(e => e.Id).LastAsync());
        Assert.Equal(auditBefore + 1, await site.AuditCountAsync("account.two-factor.reset"));
        Assert.Equal($"user:{judgeId}", entry.Subject);
        Assert.Equal(SiteFactory.OrganizerEmail, entry.ActorName);
        var mail = await site.Smtp.WaitForAsync("judge.en@example.com", m => m.Subject == "Your authenticator has been reset");
        Assert.Contains("signed out", mail.TextBody);
        var afterReset = await judge.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, afterReset.Status);
        Assert.Equal("/account/login", afterReset.Location!.AbsolutePath);
        Assert.Equal(0, await site.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == judgeId && s.RevokedAt == null)));

        // The password alone now signs in, straight to enrolment of a new authenticator.
        using var next = await PasswordOnlyAsync(site, "judge.en@example.com", SiteBuilders.Password);
        AssertSentToEnrolment(await next.GetAsync("/judging"), "/judging");
    }

    [Fact]
    public async Task A_reset_forgets_the_remembered_devices_of_the_account()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("remembered@example.com", Password, "Contestant");
        await site.EnrolAuthenticatorAsync("remembered@example.com");
        using var device = site.CreateSiteClient();
        await device.SignInAsync("remembered@example.com", Password);
        await device.PostFormAsync("/account/login/code", new Dictionary<string, string> { ["Code"] = await site.AuthenticatorCodeAsync("remembered@example.com"), ["RememberDevice"] = "true" });
        using var organizer = await site.OrganizerAsync();
        var id = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "remembered@example.com").Select(u => u.Id).SingleAsync());
        await organizer.PostFormAsync($"/admin/users/{id}", new Dictionary<string, string>(), $"/admin/users/{id}?handler=ResetTwoFactor");
        await site.EnrolAuthenticatorAsync("remembered@example.com");

        var signIn = await device.SignInAsync("remembered@example.com", Password);

        Assert.Equal("/account/login/code", signIn.Location!.OriginalString);
    }

    [Fact]
    public async Task An_organizer_cannot_reset_their_own_authenticator()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        var id = await site.OrganizerIdAsync();

        await organizer.PostFormAsync($"/admin/users/{id}", new Dictionary<string, string>(), $"/admin/users/{id}?handler=ResetTwoFactor");

        Assert.True((await StateAsync(site, SiteFactory.OrganizerEmail)).Enabled);
        Assert.Equal(0, await site.AuditCountAsync("account.two-factor.reset"));
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync("/admin")).Status);
    }
}
