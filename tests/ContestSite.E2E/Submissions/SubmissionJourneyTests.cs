using System.Security.Cryptography;
using System.Text;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Submissions;

[Collection(BrowserCollection.Name)]
public sealed class SubmissionJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_captain_uploads_files_with_a_progress_bar_finalises_and_receives_the_receipt()
    {
        await using var site = await SubmissionTestKit.SiteAsync(realPort: true);
        var root = site.RootUri!;
        using var team = await site.ApprovedTeamAsync("西湖应用队");
        var proposal = Path.Combine(Path.GetTempPath(), $"方案书-{Guid.NewGuid():N}.pdf");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(new byte[3 * 1024 * 1024]).ToArray();
        await File.WriteAllBytesAsync(proposal, pdf);

        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, team.CaptainEmail, SiteBuilders.Password);
        await captain.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "提交作品" }).ClickAsync();
        await Expect(captain).ToHaveURLAsync(new Uri(root, "/submissions").ToString());
        await captain.GetByRole(AriaRole.Link, new() { Name = "编辑作品" }).First.ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("初赛作品");
        await Expect(captain.Locator("[data-countdown]")).ToContainTextAsync("剩余");
        await captain.AssertNoSeriousViolationsAsync("the entry form");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "submission-edit");

        await captain.GetByLabel("作品名称").FillAsync("公交与空气质量出行助手");
        await captain.GetByLabel("一句话介绍").FillAsync("用开放数据规划更清洁的出行");
        await captain.GetByLabel("应用类别").SelectOptionAsync(new SelectOptionValue { Label = "交通出行" });
        await captain.GetByLabel("方案书（PDF）").SetInputFilesAsync(proposal);
        // Hold each chunk a moment so the progress bar can be seen, as on a slow connection.
        await captain.RouteAsync("**/submissions/uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH") await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await captain.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(captain.Locator("progress#upload-progress")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(captain, "submission-uploading");

        await Expect(captain.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 1 版。", new() { Timeout = 30_000 });
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync(Path.GetFileName(proposal));
        await captain.GetByRole(AriaRole.Link, new() { Name = "定稿（第 1 版）" }).ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Main)).ToContainTextAsync("定稿后不能再修改作品，评委将评审此版本");
        await captain.AssertNoSeriousViolationsAsync("the finalise confirmation");
        await Screenshots.TakeAsync(captain, "submission-finalise-confirmation");
        await captain.GetByRole(AriaRole.Button, new() { Name = "确认定稿（第 1 版）" }).ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Status)).ToContainTextAsync("作品已定稿");
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator(".badge")).ToHaveTextAsync("已定稿");
        await Screenshots.TakeDesktopAndMobileAsync(captain, "submission-finalised");

        var receipt = await site.Smtp.WaitForAsync(team.CaptainEmail, m => m.Subject?.Contains("定稿回执") == true);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), receipt.TextBody);
        Assert.Contains($"{pdf.Length} 字节", receipt.TextBody);

        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin/submissions").ToString());
        await Expect(organizer.GetByRole(AriaRole.Main)).ToContainTextAsync("公交与空气质量出行助手");
        await organizer.AssertNoSeriousViolationsAsync("the organizer's entry list");
        await Screenshots.TakeAsync(organizer, "admin-submissions");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "西湖应用队", Exact = false }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Button, new() { Name = "重新开放" })).ToBeVisibleAsync();
        await organizer.AssertNoSeriousViolationsAsync("the organizer's entry page");
        await Screenshots.TakeAsync(organizer, "admin-submission");
        File.Delete(proposal);
    }
}
