using ContestSite.Web.Email;
using ContestSite.Web.Tests.Accounts;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Email;

public sealed class OutboxTests
{
    [Fact]
    public async Task Without_an_SMTP_host_mail_is_written_as_eml_files_to_the_pickup_folder()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Smtp:Host"] = "");
        using var scope = site.Services.CreateScope();

        await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendAsync(new EmailMessage("pickup@example.com", "收件人", "测试主题", "正文"));

        var folder = Path.Combine(site.AppDataPath, "mail-pickup");
        await site.WhileTimePassesUntilAsync(() => Task.FromResult(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.eml").Any()));
        var message = await MimeKit.MimeMessage.LoadAsync(Directory.EnumerateFiles(folder, "*.eml").Single());
        Assert.Equal("测试主题", message.Subject);
        Assert.Equal("pickup@example.com", message.To.Mailboxes.Single().Address);
        Assert.Empty(site.Smtp.Received);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_marked_failed_and_kept_never_deleted()
    {
        await using var site = await SiteFactory.CreateAsync(settings: s => s["ContestSite:Smtp:MaxAttempts"] = "2");
        await site.Smtp.StopAsync();
        using var scope = site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendAsync(new EmailMessage("gone@example.com", null, "主题", "正文"));

        await WaitUntilAsync(() => site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "gone@example.com" && m.Attempts == 1)));
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        await site.WhileTimePassesUntilAsync(() => site.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == "gone@example.com" && m.FailedAt != null)));

        var message = await site.WithDbAsync(db => db.Outbox.SingleAsync(m => m.ToAddress == "gone@example.com"));
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.SentAt);
        Assert.False(string.IsNullOrEmpty(message.LastError));
    }

    [Fact]
    public async Task A_display_name_with_markup_is_encoded_in_the_html_body()
    {
        await using var site = await SiteFactory.CreateAsync();
        var templates = site.Services.GetRequiredService<EmailTemplates>();

        var message = templates.Build("zh-CN", "x@example.com", "<script>alert(1)</script>", "请确认您的邮箱", [], ("确认邮箱", "https://example.com/a?b=1&c=2"));

        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.Contains("&lt;script&gt;", message.HtmlBody);
        Assert.Contains("https://example.com/a?b=1&amp;c=2", message.HtmlBody);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(20, 3600)]
    public void Retries_back_off_exponentially_up_to_the_maximum(int attempts, int seconds)
    {
        var options = new ContestSite.Web.Hosting.SmtpOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromHours(1) };
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.DelayAfter(attempts, options));
    }
}
