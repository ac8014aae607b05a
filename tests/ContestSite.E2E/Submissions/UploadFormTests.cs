using System.Text;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Submissions;

/// <summary>While files are being sent: Save cannot start them again, leaving asks first, and the bar counts all files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UploadFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task During_an_upload_Save_is_disabled_a_second_submit_starts_nothing_and_leaving_the_page_asks_first()
    {
        await using var site = await SubmissionTestKit.SiteAsync(realPort: true);
        using var team = await site.ApprovedTeamAsync("钱塘上传队");
        var proposal = Path.Combine(Path.GetTempPath(), $"方案书-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(proposal, Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(new byte[2 * 1024 * 1024]).ToArray());
        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, team.CaptainEmail, SiteBuilders.Password);
        await captain.GotoAsync(new Uri(site.RootUri!, "/submissions").ToString());
        await captain.GetByRole(AriaRole.Link, new() { Name = "编辑作品" }).First.ClickAsync();
        await Expect(captain.Locator("[data-countdown]")).ToContainTextAsync("秒");
        var started = 0;
        captain.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/submissions/uploads", StringComparison.Ordinal)) started++; };
        await captain.RouteAsync("**/submissions/uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH") await Task.Delay(2000);
            await route.ContinueAsync();
        });
        await captain.GetByLabel("作品名称").FillAsync("钱塘潮汐预报");
        await captain.GetByLabel("方案书（PDF）").SetInputFilesAsync(proposal);

        var save = captain.GetByRole(AriaRole.Button, new() { Name = "保存" });
        await save.ClickAsync();
        await Expect(save).ToBeDisabledAsync();
        await Expect(captain.Locator("[data-upload-percent]")).ToContainTextAsync("总进度");
        var asksBeforeLeaving = await captain.EvaluateAsync<bool>(
            "() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }");
        await captain.EvaluateAsync("() => document.querySelector('form[data-upload-form]').dispatchEvent(new Event('submit', { cancelable: true }))");

        Assert.True(asksBeforeLeaving, "leaving mid-upload did not ask first");
        await Expect(captain.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存为第 1 版。", new() { Timeout = 30_000 });
        // The saved file's long name wraps on a phone instead of widening the page.
        await Screenshots.TakeDesktopAndMobileAsync(captain, "submission-saved-with-file");
        Assert.Equal(1, started);
        Assert.False(await captain.EvaluateAsync<bool>(
            "() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }"), "the page still asks before leaving after the upload");
        await captain.Context.CloseAsync();
    }
}
