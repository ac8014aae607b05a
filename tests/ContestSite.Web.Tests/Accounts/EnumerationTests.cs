using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Accounts;

/// <summary>An attacker probing addresses learns nothing from sign-in, registration, password reset or resend-confirmation.</summary>
public sealed class EnumerationTests
{
    private const string Password = "Right-pass-123";

    private static async Task<SiteFactory> SiteWithEveryKindOfAccountAsync()
    {
        var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("confirmed@example.com", Password);
        var unconfirmed = await site.CreateUserAsync("unconfirmed@example.com", Password);
        var disabled = await site.CreateUserAsync("disabled@example.com", Password);
        var locked = await site.CreateUserAsync("locked@example.com", Password);
        var lockedUntil = site.Clock.GetUtcNow().AddMinutes(10);
        await site.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false));
            await db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
            return await db.Users.Where(u => u.Id == locked.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, lockedUntil));
        });
        return site;
    }

    [Fact]
    public async Task A_wrong_password_gets_one_answer_for_confirmed_unknown_unconfirmed_disabled_and_locked_accounts()
    {
        await using var site = await SiteWithEveryKindOfAccountAsync();
        var answers = new List<SiteClient.Page>();
        foreach (var email in new[] { "confirmed@example.com", "nobody@example.com", "unconfirmed@example.com", "disabled@example.com", "locked@example.com" })
        {
            using var client = site.CreateSiteClient();
            answers.Add(await client.SignInAsync(email, "Wrong-guess-1"));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Contains("邮箱或密码不正确", a.Text));
        // The page reads the same, word for word (the typed address and the token sit in attributes).
        Assert.Single(answers.Select(a => a.Text).Distinct());
        Assert.Equal(0, await site.WithDbAsync(db => db.UserSessions.CountAsync()));
    }

    [Theory]
    [InlineData("unconfirmed@example.com", "请先点击确认邮件中的链接完成邮箱确认")]
    [InlineData("disabled@example.com", "该账号已被停用")]
    [InlineData("locked@example.com", "账号已锁定")]
    public async Task Only_the_right_password_learns_why_the_account_cannot_sign_in(string email, string reason)
    {
        await using var site = await SiteWithEveryKindOfAccountAsync();
        using var client = site.CreateSiteClient();

        var page = await client.SignInAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reason, page.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.UserSessions.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).Status);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_like_a_new_registration_changes_nothing_and_mails_the_owner()
    {
        await using var site = await SiteFactory.CreateAsync();
        var owner = await site.CreateUserAsync("taken@example.com", Password);
        var before = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.Id));
        var usersBefore = await site.WithDbAsync(db => db.Users.CountAsync());
        using var probe = site.CreateSiteClient();

        var fresh = await probe.PostFormAsync("/account/register", Form("fresh@example.com"));
        var freshNotice = (await probe.GetAsync(fresh.Location!.OriginalString)).Text;
        var taken = await probe.PostFormAsync("/account/register", Form("taken@example.com"));
        var takenNotice = (await probe.GetAsync(taken.Location!.OriginalString)).Text;

        Assert.Equal(fresh.Status, taken.Status);
        Assert.Equal(fresh.Location, taken.Location);
        Assert.Equal(freshNotice.Replace("fresh@example.com", "ADDRESS"), takenNotice.Replace("taken@example.com", "ADDRESS"));
        Assert.Equal(usersBefore + 1, await site.WithDbAsync(db => db.Users.CountAsync()));
        var after = await site.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == owner.Id));
        Assert.Equal((before.PasswordHash, before.DisplayName, before.SecurityStamp, before.EmailConfirmed), (after.PasswordHash, after.DisplayName, after.SecurityStamp, after.EmailConfirmed));

        var mail = await site.Smtp.WaitForAsync("taken@example.com");
        Assert.Equal("有人尝试用您的邮箱注册", mail.Subject);
        Assert.Contains("没有创建新账号", mail.TextBody);
        Assert.Contains("/account/login", mail.TextBody);
        Assert.Contains("/account/forgot-password", mail.TextBody);
        Assert.Equal(1, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "taken@example.com")));
        Assert.Equal(HttpStatusCode.Redirect, (await probe.SignInAsync("taken@example.com", Password)).Status);
    }

    [Fact]
    public async Task The_mail_about_a_registration_attempt_is_in_the_owners_language()
    {
        await using var site = await SiteFactory.CreateAsync();
        var owner = await site.CreateUserAsync("english@example.com", Password);
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        using var probe = site.CreateSiteClient();

        await probe.PostFormAsync("/account/register", Form("english@example.com"));

        var mail = await site.Smtp.WaitForAsync("english@example.com");
        Assert.Equal("Someone tried to register with your email address", mail.Subject);
        Assert.Contains("no new account was created", mail.TextBody);
    }

    [Fact]
    public async Task A_weak_password_is_refused_alike_for_a_taken_and_a_free_address_and_nobody_is_mailed()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("taken@example.com", Password);
        using var probe = site.CreateSiteClient();

        var free = await probe.PostFormAsync("/account/register", Form("free@example.com", "short1"));
        var taken = await probe.PostFormAsync("/account/register", Form("taken@example.com", "short1"));

        Assert.Equal(HttpStatusCode.OK, free.Status);
        Assert.Equal(free.Text.Replace("free@example.com", "ADDRESS"), taken.Text.Replace("taken@example.com", "ADDRESS"));
        Assert.Contains("密码至少需要 8 个字符", taken.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/resend-confirmation")]
    public async Task Forgot_password_and_resend_confirmation_answer_an_unknown_address_like_a_known_one(string form)
    {
        await using var site = await SiteWithEveryKindOfAccountAsync();
        using var probe = site.CreateSiteClient();
        var known = form.EndsWith("forgot-password", StringComparison.Ordinal) ? "confirmed@example.com" : "unconfirmed@example.com";

        var forKnown = await probe.PostFormAsync(form, new Dictionary<string, string> { ["Email"] = known });
        var knownNotice = (await probe.GetAsync(forKnown.Location!.OriginalString)).Text;
        var forUnknown = await probe.PostFormAsync(form, new Dictionary<string, string> { ["Email"] = "nobody@example.com" });
        var unknownNotice = (await probe.GetAsync(forUnknown.Location!.OriginalString)).Text;

        Assert.Equal(forKnown.Status, forUnknown.Status);
        Assert.Equal(forKnown.Location, forUnknown.Location);
        Assert.Equal(knownNotice, unknownNotice);
        await site.Smtp.WaitForAsync(known);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "nobody@example.com")));
    }

    private static Dictionary<string, string> Form(string email, string password = "Register-pass-1") => new()
    {
        ["Input.DisplayName"] = "小王",
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };
}
