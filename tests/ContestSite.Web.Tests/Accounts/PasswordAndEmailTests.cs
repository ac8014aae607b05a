using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Accounts;

public sealed class PasswordAndEmailTests
{
    [Fact]
    public async Task A_forgotten_password_is_reset_by_the_mailed_link_and_the_link_cannot_be_used_twice()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("forgot@example.com", "Old-pass-123");
        using var client = site.CreateSiteClient();

        await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "forgot@example.com" });
        var mail = await site.Smtp.WaitForAsync("forgot@example.com");
        var link = MailLinks.FirstLocalLink(mail);

        var reset = await client.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = "New-pass-456", ["ConfirmPassword"] = "New-pass-456" });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("forgot@example.com", "New-pass-456")).Status);

        using var other = site.CreateSiteClient();
        var reused = await other.PostFormAsync(link, new Dictionary<string, string> { ["Password"] = "Evil-pass-789", ["ConfirmPassword"] = "Evil-pass-789" });
        Assert.Contains("链接无效或已过期", reused.Text);
        Assert.Contains("邮箱或密码不正确", (await other.SignInAsync("forgot@example.com", "Evil-pass-789")).Text);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync("forgot@example.com", "New-pass-456")).Status);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_sends_nothing()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();

        var page = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "nobody@example.com" });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "nobody@example.com")));
    }

    [Fact]
    public async Task Changing_email_asks_for_the_password_again_and_takes_effect_when_the_new_address_confirms()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("before@example.com", "Right-pass-123");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("before@example.com", "Right-pass-123");

        var wrong = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["NewEmail"] = "after@example.com", ["Password"] = "not-my-password1" });
        Assert.Contains("密码不正确", wrong.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "after@example.com")));

        var asked = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["NewEmail"] = "after@example.com", ["Password"] = "Right-pass-123" });
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal("before@example.com", await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));

        var mail = await site.Smtp.WaitForAsync("after@example.com");
        var confirmed = await client.GetAsync(MailLinks.FirstLocalLink(mail));
        Assert.Contains("邮箱已更改", confirmed.Text);
        Assert.Equal("after@example.com", await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));

        using var fresh = site.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync("after@example.com", "Right-pass-123")).Status);
    }

    [Fact]
    public async Task Changing_to_an_address_that_has_an_account_is_refused()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("mine@example.com", "Right-pass-123");
        await site.CreateUserAsync("theirs@example.com");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("mine@example.com", "Right-pass-123");

        var page = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["NewEmail"] = "theirs@example.com", ["Password"] = "Right-pass-123" });

        Assert.Contains("已被注册", page.Text);
        Assert.Equal(0, await site.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "theirs@example.com")));
    }
}
