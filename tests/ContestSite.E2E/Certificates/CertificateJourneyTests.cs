using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Certificates;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Judging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Certificates;

[Collection(BrowserCollection.Name)]
public sealed class CertificateJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_winning_team_downloads_its_certificate_anyone_verifies_it_and_an_organizer_revokes_it()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: CertificatesTestKit.AfterReviewClosed);
        var root = site.RootUri!;
        var round = await site.AwardedRoundAsync();
        await site.IssueAsync(round.RoundId);
        var certificate = await site.CertificateOfAsync(round.Winner);

        // The captain finds the certificate on the team's page and downloads the PDF.
        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, await site.CaptainEmailAsync(round.Winner), SiteBuilders.Password);
        await captain.GotoAsync(new Uri(root, "/teams/mine").ToString());
        var section = captain.GetByRole(AriaRole.Region, new() { Name = "获奖证书" });
        await Expect(section).ToContainTextAsync("一等奖");
        var download = await captain.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Link, new() { Name = "下载证书（PDF）" }).ClickAsync());
        var saved = Path.Combine(Screenshots.Folder, "certificate.pdf");
        await download.SaveAsAsync(saved);
        Assert.Equal($"获奖证书-{certificate.Code}.pdf", download.SuggestedFilename);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(saved), 0, 5));

        // Anybody who scans the QR code lands on the verification page.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(new Uri(root, $"/certificates/{certificate.Code}").ToString());
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("证书有效");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("甲作品队");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "certificate-valid");
        await visitor.AssertNoSeriousViolationsAsync("the certificate verification page");

        // The organizer revokes it from the round's certificates, reached from the results page.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, $"/admin/judging/rounds/{round.RoundId}/results").ToString());
        await organizer.GetByRole(AriaRole.Link, new() { Name = "获奖证书", Exact = true }).ClickAsync();
        var row = organizer.GetByRole(AriaRole.Row).Filter(new() { HasText = "甲作品队" });
        await row.GetByLabel("撤销原因（必填，最多 500 字）").FillAsync("作品存在抄袭，经复核取消奖项。");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "certificates-admin");
        await organizer.AssertNoSeriousViolationsAsync("the round's certificates page");
        await row.GetByRole(AriaRole.Button, new() { Name = "撤销证书" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Status)).ToHaveTextAsync("证书已撤销，已通知该团队。");

        await visitor.ReloadAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("证书已撤销");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("作品存在抄袭，经复核取消奖项。");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "certificate-revoked");

        await visitor.Context.CloseAsync();
        await organizer.Context.CloseAsync();
        await captain.Context.CloseAsync();
    }
}
