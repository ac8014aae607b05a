using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ContestSite.Core.Teams;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Bundles;

[Collection(BrowserCollection.Name)]
public sealed class BundleJourneyTests(BrowserFixture browser)
{
    private const string Password = "Bundle-journey-2020";
    private const string CaptainEmail = "captain.li@example.com";
    private const string JudgeEmail = "judge.chen@example.com";
    private const string Dataset = "低保救助对象名单";
    private static readonly DateTimeOffset DuringContest = new(2020, 9, 20, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_team_applies_for_restricted_data_an_expert_gives_an_opinion_the_organizer_approves_and_the_team_downloads_its_masked_bundle()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: DuringContest);
        var root = site.RootUri!;
        var relief = await site.DatasetAsync(Dataset);
        await site.SetRulesAsync(relief.Id);
        var trackId = await site.WithDbAsync(db => db.Tracks.Where(t => t.Name == "数字政府").Select(t => t.Id).SingleAsync());
        await site.PutInBundleAsync(trackId, relief.Id);
        var teamId = await ApprovedTeamAsync(site, trackId);
        await site.CreateUserAsync(JudgeEmail, Password, "Judge");

        // The captain finds the bundle in the navigation: the restricted dataset is not included yet.
        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, CaptainEmail, Password);
        await captain.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "数据包" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(new Uri(root, "/bundles").ToString());
        var row = captain.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).First.Locator("tbody tr").Filter(new() { HasText = Dataset });
        await Expect(row).ToContainTextAsync("没有获批");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "bundle-team");
        await captain.AssertNoSeriousViolationsAsync("the team bundle page");

        // The captain applies: purpose, scenario, the agreement.
        await row.GetByRole(AriaRole.Link, new() { Name = "申请使用" }).ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Name = "申请使用受限开放数据", Level = 1 })).ToBeVisibleAsync();
        await captain.GetByLabel("数据用途").FillAsync("分析救助对象的区域分布");
        await captain.GetByLabel("应用场景").FillAsync("为民政部门调度救助资源提供参考");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "bundle-apply");
        await captain.AssertNoSeriousViolationsAsync("the application form");
        await captain.GetByLabel("我已阅读并代表团队同意数据使用协议").CheckAsync();
        await captain.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(new Uri(root, "/bundles").ToString());
        await Expect(captain.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已提交");
        await Expect(row).ToContainTextAsync("正在审核中");

        // The organizer opens the application and asks the expert committee.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Navigation, new() { Name = "管理菜单" }).GetByRole(AriaRole.Link, new() { Name = "数据使用申请" }).ClickAsync();
        await Expect(organizer).ToHaveURLAsync(new Uri(root, "/admin/data-applications").ToString());
        var application = organizer.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).Locator("tbody tr").Filter(new() { HasText = Dataset });
        await Expect(application).ToContainTextAsync("救助地图队");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "admin-data-applications");
        await organizer.AssertNoSeriousViolationsAsync("the applications list");
        await application.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("分析救助对象的区域分布");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "征求专家委员会意见" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("专家尚未回复");

        // A judge gives an opinion.
        var judge = await browser.NewPageAsync();
        await judge.SignInAsync(site, JudgeEmail, Password);
        await judge.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "数据申请意见" }).ClickAsync();
        await judge.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Dataset) }).ClickAsync();
        await judge.GetByLabel("理由").FillAsync("用途明确，脱敏后风险可控");
        await Screenshots.TakeDesktopAndMobileAsync(judge, "bundle-opinion");
        await judge.AssertNoSeriousViolationsAsync("the opinion form");
        await judge.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Expect(judge.GetByRole(AriaRole.Status)).ToContainTextAsync("意见已提交");

        // The organizer reads the opinion and approves for 60 days.
        await organizer.ReloadAsync();
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("用途明确，脱敏后风险可控");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "admin-data-application");
        await organizer.AssertNoSeriousViolationsAsync("the application page");
        await organizer.GetByLabel("有效天数").FillAsync("60");
        await organizer.GetByLabel("安全评估结论").FillAsync("敏感字段全部脱敏，用途与数据相符，风险可控");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToContainTextAsync("申请已批准");

        // The organizer's other bundle pages render and pass the accessibility check.
        foreach (var (path, name) in new[] { ("/admin/bundles", "admin-bundles"), ($"/admin/bundles/{trackId}", "admin-bundle"),
                     ($"/admin/bundles/masking/{relief.Id}", "admin-masking"), ("/admin/data-risk", "admin-data-risk") })
        {
            await organizer.GotoAsync(new Uri(root, path).ToString());
            await Screenshots.TakeDesktopAndMobileAsync(organizer, name);
            await organizer.AssertNoSeriousViolationsAsync(path);
        }

        // The team downloads its bundle: the file is masked and the manifest, last, names the team.
        await captain.ReloadAsync();
        await Expect(row).ToContainTextAsync("包含在数据包中");
        var download = await captain.RunAndWaitForDownloadAsync(() => captain.GetByRole(AriaRole.Link, new() { Name = "下载数据包（zip）" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");
        await download.SaveAsAsync(saved);
        try
        {
            using var zip = ZipFile.OpenRead(saved);
            Assert.Equal("manifest.json", zip.Entries[^1].FullName);
            var csv = ReadText(zip.Entries.Single(e => e.FullName.EndsWith(".csv", StringComparison.Ordinal)));
            Assert.Contains("张*,138****1234,330***********1234,西湖区", csv);
            Assert.DoesNotContain("文三路", csv);
            Assert.Contains("救助地图队", ReadText(zip.Entries[^1]));
        }
        finally
        {
            File.Delete(saved);
        }

        // Every step left an audit entry for the team and the dataset (the audit pages show them after merge).
        foreach (var action in new[] { "data.application.submitted", "data.application.opinion-requested", "data.application.opinion", "data.application.approved", "data.download" })
            Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && e.TeamId == teamId && e.DatasetId == relief.Id)), action);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "bundle.issue" && e.Outcome == "ok" && e.TeamId == teamId)));
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task<int> ApprovedTeamAsync(SiteFactory site, int trackId)
    {
        var user = await site.CreateUserAsync(CaptainEmail, Password, "Contestant");
        return await site.WithDbAsync(async db =>
        {
            var contestId = await db.Tracks.Where(t => t.Id == trackId).Select(t => t.ContestId).SingleAsync();
            var team = new Team
            {
                ContestId = contestId, TrackId = trackId, Name = "救助地图队", NameKey = TeamNames.Normalize("救助地图队"), OrganizationName = "浙江大学",
                Status = TeamStatus.Approved, CreatedAt = site.Clock.GetUtcNow(),
            };
            team.Members.Add(new TeamMember { ContestId = contestId, UserId = user.Id, RealName = "李队长", Phone = "13900001234", Organization = "浙江大学", Role = TeamRole.Captain, JoinedAt = site.Clock.GetUtcNow() });
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });
    }
}
