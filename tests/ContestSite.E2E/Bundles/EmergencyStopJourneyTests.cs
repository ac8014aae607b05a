using System.Text;
using ContestSite.Core.Bundles;
using ContestSite.Core.Teams;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Bundles;

/// <summary>应急处置 in the browser: a team using restricted data is stopped mid-season, mailed, and restored after the lift.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmergencyStopJourneyTests(BrowserFixture browser)
{
    private const string Password = "Stop-journey-2020";
    private const string CaptainEmail = "captain.wang@example.com";
    private const string TeamName = "城市救助队";
    private const string Dataset = "低保救助对象名单";
    private static readonly DateTimeOffset DuringContest = new(2020, 9, 20, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_team_downloading_restricted_data_is_stopped_by_the_organizer_mailed_and_downloads_again_after_the_lift_and_restore()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: DuringContest);
        var root = site.RootUri!;
        var relief = await site.DatasetAsync(Dataset);
        await site.SetRulesAsync(relief.Id);
        await ApprovedTeamWithApprovalAsync(site, relief.Id);
        await site.PutInBundleAsync(await site.WithDbAsync(db => db.Tracks.Where(t => t.Name == "数字政府").Select(t => t.Id).SingleAsync()), relief.Id);
        var datasetPage = new Uri(root, $"/datasets/{relief.Id}").ToString();
        var fileUrl = new Uri(root, $"/datasets/{relief.Id}/files/{relief.FileId}").ToString();

        // The team downloads its restricted file, masked.
        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, CaptainEmail, Password);
        await captain.GotoAsync(datasetPage);
        Assert.Contains("张*,138****1234", await DownloadAsync(captain));

        // The organizer, without JavaScript, stops the dataset from its admin page, through the confirmation step.
        var organizer = await browser.NewPageAsync(javaScriptEnabled: false);
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, $"/admin/datasets/{relief.Id}").ToString());
        await organizer.GetByRole(AriaRole.Link, new() { Name = "应急处置：暂停该数据集" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = "发起应急处置", Level = 1 })).ToBeVisibleAsync();
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync($"数据集“{Dataset}”");
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("有效期内的使用许可 1 项（涉及 1 个团队）将被暂停");
        await organizer.GetByLabel("事件概述").FillAsync("疑似数据样本外泄");
        await organizer.GetByLabel("暂停原因（必填，仅组委会可见）").FillAsync("网上出现疑似来自该数据集的样本，核查期间暂停");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "incident-start");
        await organizer.GetByLabel("我确认立即停止提供上述数据并暂停相关使用许可").CheckAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "立即暂停" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("应急处置已启动");
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync(TeamName);
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "incident-open");

        // The team's next download is refused, the page says access is suspended, and the captain has a mail.
        await captain.ReloadAsync();
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync("访问已暂停");
        await Expect(captain.GetByRole(AriaRole.Link, new() { Name = "people.csv" })).ToHaveCountAsync(0);
        var refused = await captain.APIRequest.GetAsync(fileUrl);
        Assert.Equal(423, refused.Status);
        Assert.Contains("应急处置", await refused.TextAsync());
        await Screenshots.TakeDesktopAndMobileAsync(captain, "dataset-suspended");
        await captain.AssertNoSeriousViolationsAsync("the suspended dataset page");
        await captain.GotoAsync(new Uri(root, "/bundles").ToString());
        await Expect(captain.GetByRole(AriaRole.Alert)).ToContainTextAsync("访问已暂停");
        await Expect(captain.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).First.Locator("tbody tr").Filter(new() { HasText = Dataset }))
            .ToContainTextAsync("该数据集因应急处置暂停提供数据");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "bundle-suspended");
        var stopped = await site.Smtp.WaitForAsync(CaptainEmail, m => m.Subject == $"数据使用许可暂停：{Dataset}");
        Assert.Contains("因应急处置", stopped.TextBody);

        // The organizer sees the stop in the list, lifts it with a reason and restores the team's approval.
        await organizer.GotoAsync(new Uri(root, "/admin/incidents").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("疑似数据样本外泄");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "incidents");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "查看或解除应急处置 #1" }).ClickAsync();
        await organizer.GetByLabel("解除原因（必填）").FillAsync("核查完毕，样本与本数据集无关");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "解除应急处置" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("应急处置已解除");
        await organizer.GetByRole(AriaRole.Button, new() { Name = $"恢复团队“{TeamName}”对“{Dataset}”的许可" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("许可已恢复");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "incident-lifted");

        // The team is mailed and downloads again.
        await site.Smtp.WaitForAsync(CaptainEmail, m => m.Subject == $"数据使用许可已恢复：{Dataset}");
        await captain.GotoAsync(datasetPage);
        Assert.Contains("张*,138****1234", await DownloadAsync(captain));
        // The incident pages pass the accessibility check (axe needs script: a second, scripted organizer session).
        var scripted = await browser.NewPageAsync();
        await scripted.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        foreach (var path in new[] { "/admin/incidents", "/admin/incidents/1", $"/admin/incidents/start?datasetId={relief.Id}", $"/admin/datasets/{relief.Id}" })
        {
            await scripted.GotoAsync(new Uri(root, path).ToString());
            await scripted.AssertNoSeriousViolationsAsync(path);
        }
        foreach (var action in new[] { "data.incident-started", "data.application-suspended", "data.incident-lifted", "data.application-restored" })
            Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && e.DatasetId == relief.Id)), action);
    }

    private static async Task<string> DownloadAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "people.csv" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await download.SaveAsAsync(saved);
        try
        {
            return (await File.ReadAllTextAsync(saved, Encoding.UTF8)).TrimStart('\uFEFF');
        }
        finally
        {
            File.Delete(saved);
        }
    }

    /// <summary>An approved team in the first track holding a 60-day approval for the dataset, written directly (the approval journey is its own test).</summary>
    private static async Task ApprovedTeamWithApprovalAsync(SiteFactory site, Guid datasetId)
    {
        var user = await site.CreateUserAsync(CaptainEmail, Password, "Contestant");
        var organizerId = await site.WithDbAsync(db => db.Users.Where(u => u.Email == SiteFactory.OrganizerEmail).Select(u => u.Id).SingleAsync());
        await site.WithDbAsync(async db =>
        {
            var track = await db.Tracks.Where(t => t.Name == "数字政府").Select(t => new { t.Id, t.ContestId }).SingleAsync();
            var now = site.Clock.GetUtcNow();
            var team = new Team
            {
                ContestId = track.ContestId, TrackId = track.Id, Name = TeamName, NameKey = TeamNames.Normalize(TeamName), OrganizationName = "浙江工业大学",
                Status = TeamStatus.Approved, CreatedAt = now,
            };
            team.Members.Add(new TeamMember { ContestId = track.ContestId, UserId = user.Id, RealName = "王队长", Phone = "13900001234", Organization = "浙江工业大学", Role = TeamRole.Captain, JoinedAt = now });
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            db.AccessApplications.Add(new AccessApplication
            {
                TeamId = team.Id, DatasetId = datasetId, ApplicantId = user.Id, Purpose = "分析救助对象分布", Scenario = "救助资源调度", AgreementAcceptedAt = now,
                SubmittedAt = now, Status = ApplicationStatus.Approved, DeciderId = organizerId, DecidedAt = now, ExpiresAt = now.AddDays(60),
                SecurityAssessment = "脱敏后风险可控",
            });
            return await db.SaveChangesAsync();
        });
    }
}
