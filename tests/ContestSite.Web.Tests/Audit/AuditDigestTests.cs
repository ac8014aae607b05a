using System.Text.RegularExpressions;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContestSite.Web.Tests.Audit;

/// <summary>The chain head is mailed to the audit readers once a day: a copy nobody on the server can take back.</summary>
public sealed partial class AuditDigestTests
{
    [Fact]
    public async Task The_head_is_mailed_to_organizers_once_a_day_at_the_digest_hour()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.China(10, 1, 7, 59));
        var job = site.Services.GetServices<IHostedService>().OfType<AuditDigestJob>().Single();
        Assert.False(await job.SendIfDueAsync(), "before 08:00 nothing is due");

        site.Clock.SetUtcNow(AuditTestKit.China(10, 1, 8, 0).AddSeconds(1));
        var mail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject!.Contains("审计日志每日摘要 2020-10-01"));

        var hash = HashPattern().Match(mail.TextBody ?? "").Value;
        var entry = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Hash == hash));
        Assert.Contains($"共 {entry.Id} 条记录", mail.TextBody);
        Assert.False(await job.SendIfDueAsync(), "a second digest the same day");

        site.Clock.SetUtcNow(AuditTestKit.China(10, 2, 8, 0).AddSeconds(1));
        await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject!.Contains("审计日志每日摘要 2020-10-02"));
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex HashPattern();
}
