using System.Net;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Localization;

public sealed class LanguageTests
{
    [Fact]
    public async Task Switching_to_English_shows_the_site_in_English_and_remembers_it_for_the_signed_in_user()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("en@example.com", "English-pass-1");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("en@example.com", "English-pass-1");

        var switched = await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/announcements" }, "/culture");

        Assert.Equal(HttpStatusCode.Redirect, switched.Status);
        Assert.Equal("/announcements", switched.Location?.OriginalString);
        var page = await client.GetAsync("/");
        Assert.Contains("<html lang=\"en\">", page.Html);
        Assert.Contains("Announcements", page.Text);
        Assert.Contains("Sign out", page.Text);
        Assert.Equal("en-US", await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public async Task A_signed_in_user_cannot_have_their_language_changed_by_a_post_from_elsewhere()
    {
        await using var site = await SiteFactory.CreateAsync();
        var user = await site.CreateUserAsync("zh@example.com", "Chinese-pass-1");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("zh@example.com", "Chinese-pass-1");

        var forged = await client.PostAsync("/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal("zh-CN", await site.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PreferredCulture).SingleAsync()));
    }

    [Fact]
    public async Task The_language_switch_ignores_an_outside_return_url_and_an_unknown_language()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();

        var outside = await client.PostAsync("/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "//evil.example" });
        Assert.Equal("/", outside.Location?.OriginalString);

        var unknown = await client.PostAsync("/culture", new Dictionary<string, string> { ["culture"] = "xx-YY", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }

    [Fact]
    public async Task Mail_is_written_in_the_language_the_person_registered_in()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateSiteClient();
        await client.PostAsync("/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });

        await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ann", ["Input.Email"] = "ann@example.com", ["Input.Password"] = "English-pass-1", ["Input.ConfirmPassword"] = "English-pass-1",
        });

        var mail = await site.Smtp.WaitForAsync("ann@example.com");
        Assert.Equal("Please confirm your email address", mail.Subject);
        Assert.Contains("Ann", mail.TextBody);
    }

    [Fact]
    public async Task Switching_the_language_of_a_signed_in_user_says_that_their_mail_changes_language_too()
    {
        await using var site = await SiteFactory.CreateAsync();
        await site.CreateUserAsync("mail@example.com", "Mail-pass-1");
        using var client = site.CreateSiteClient();
        await client.SignInAsync("mail@example.com", "Mail-pass-1");

        await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/culture");
        var english = await client.GetAsync("/");
        await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/" }, "/culture");
        var chinese = await client.GetAsync("/");

        Assert.Contains("The site and the emails sent to you will now be in English.", english.Text);
        Assert.Contains("网站和发给你的邮件将使用中文。", chinese.Text);
    }
}
