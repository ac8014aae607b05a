using System.Net;
using System.Security.Claims;
using ContestSite.Data.Accounts;
using ContestSite.Web.Bundles;
using ContestSite.Web.Security;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Mail about data: the expert committee asked for an opinion, and a risk flag told at once to those who handle flags.</summary>
public sealed class BundleMailTests
{
    private static Task<List<string>> RecipientsAsync(SiteFactory site, string subjectPart) =>
        site.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains(subjectPart)).OrderBy(m => m.ToAddress).Select(m => m.ToAddress).ToListAsync());

    /// <summary>An account in a role of its own that grants exactly <paramref name="permission"/>.</summary>
    private static async Task CreateUserWithOnlyAsync(SiteFactory site, string email, string permission)
    {
        using (var scope = site.Services.CreateScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<SiteRole>>();
            var role = new SiteRole("Only-" + permission);
            Assert.True((await roles.CreateAsync(role)).Succeeded);
            await roles.AddClaimAsync(role, new Claim(PermissionPolicies.ClaimType, permission));
        }
        await site.CreateUserAsync(email, SiteBuilders.Password, "Only-" + permission);
    }

    [Fact]
    public async Task Asking_for_an_opinion_mails_each_member_of_the_expert_committee_and_nobody_else()
    {
        await using var site = await TeamTestKit.SiteAsync();
        var relief = await site.DatasetAsync("低保救助对象名单");
        var (client, teamId) = await site.ApprovedTeamAsync("审慎队", "captain@example.com");
        await client.ApplyAsync(relief.Id);
        var id = await site.ApplicationIdAsync(teamId, relief.Id);
        await site.JudgeAsync("expert@example.com");
        var english = await site.JudgeAsync("english-expert@example.com");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == english).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        var withdrawn = await site.JudgeAsync("withdrawn@example.com");
        await site.WithDbAsync(db => { db.JudgeProfiles.Add(new Core.Judging.JudgeProfile { UserId = withdrawn, WithdrawnAt = site.Clock.GetUtcNow() }); return db.SaveChangesAsync(); });
        var disabled = await site.JudgeAsync("disabled@example.com");
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        using var organizer = await site.OrganizerAsync();

        var due = site.Clock.GetUtcNow().AddDays(5);
        var asked = await organizer.AskExpertsAsync(id, due);
        var again = await organizer.AskExpertsAsync(id, due);

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Contains("已经征求过专家意见", again.Text);
        var mail = await site.Smtp.WaitForAsync("expert@example.com", m => m.Subject == "征求专家意见：数据集“低保救助对象名单”的使用申请");
        Assert.Contains("组委会就团队“审慎队”使用受限开放数据集“低保救助对象名单”的申请征求专家委员会的意见。", mail.TextBody);
        Assert.Contains($"http://contest.test/data-applications/opinions/{id}", mail.TextBody);
        var chinaDue = due.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"请于 {chinaDue}（北京时间）前提交您的意见。", mail.TextBody);
        var englishMail = await site.Smtp.WaitForAsync("english-expert@example.com", m => m.Subject == "Your opinion is requested: an application to use the dataset \"低保救助对象名单\"");
        Assert.Contains("team \"审慎队\"'s application", englishMail.TextBody);
        Assert.Contains($"Please give your opinion by {chinaDue} (Beijing time).", englishMail.TextBody);
        Assert.Equal(["english-expert@example.com", "expert@example.com"], await RecipientsAsync(site, "低保救助对象名单"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_risk_flag_is_mailed_once_to_those_who_handle_risk_flags_and_to_nobody_else(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, settings: s => s["ContestSite:Bundles:RiskMaxDownloads"] = "2", now: TeamTestKit.DuringRegistration);
        var relief = await site.DatasetAsync("低保救助对象名单");
        await site.SetRulesAsync(relief.Id);
        var (client, teamId) = await site.ApprovedTeamAsync("贪心队", "captain@example.com");
        await site.ApprovedApplicationAsync(client, teamId, relief.Id);
        await CreateUserWithOnlyAsync(site, "approver@example.com", "bundles.decide");
        await CreateUserWithOnlyAsync(site, "risk-officer@example.com", "bundles.manage");
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "risk-officer@example.com").ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en-US")));
        await site.JudgeAsync("judge@example.com");

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/datasets/{relief.Id}/files/{relief.FileId}")).Status);
        Assert.Equal(0, await site.WithDbAsync(db => db.RiskFlags.CountAsync()));
        // Four downloads of the same account finish at the same moment, each past the limit: one flag, one mail each.
        var captainId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == "captain@example.com").Select(u => u.Id).SingleAsync());
        Task Record() => Task.Run(() => site.WithScopeAsync(services => services.GetRequiredService<RiskMonitor>().RecordAsync(captainId, teamId, relief.Id, 100)));
        await Task.WhenAll(Record(), Record(), Record(), Record());
        // More downloads recorded while flagged (open data is still served): past the limit again, but the same flag.
        await Record();

        Assert.Equal(1, await site.WithDbAsync(db => db.RiskFlags.CountAsync()));
        Assert.Equal(7, await site.WithDbAsync(db => db.DownloadRecords.CountAsync()));
        Assert.Equal(["organizer@test.local", "risk-officer@example.com"], await RecipientsAsync(site, "captain@example.com"));
        var mail = await site.Smtp.WaitForAsync(SiteFactory.OrganizerEmail, m => m.Subject == "数据下载风险预警：captain@example.com");
        Assert.Contains("captain@example.com", mail.TextBody);
        Assert.Contains($"（团队“贪心队”，编号 {teamId}）的数据下载超过了预警阈值：", mail.TextBody);
        Assert.Matches("24 小时内下载 [3-6] 次，超过 2 次", mail.TextBody);
        Assert.Contains("触发预警的下载：数据集“低保救助对象名单”。", mail.TextBody);
        Assert.Contains("http://contest.test/admin/data-risk", mail.TextBody);
        var english = await site.Smtp.WaitForAsync("risk-officer@example.com", m => m.Subject == "Data download risk warning: captain@example.com");
        Assert.Matches("[3-6] downloads within 24 hours, more than 2", english.TextBody);
        Assert.Contains("the dataset \"低保救助对象名单\"", english.TextBody);
        Assert.Equal(1, await site.AuditCountAsync("data.risk.flagged"));
    }
}
