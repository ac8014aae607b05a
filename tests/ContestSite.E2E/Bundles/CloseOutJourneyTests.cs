using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using ContestSite.Web.Tests.Teams;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Bundles;

[Collection(BrowserCollection.Name)]
public sealed partial class CloseOutJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_teams_approval_expires_the_captain_follows_the_mail_and_attests_the_deletion_and_the_organizer_sees_it()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, now: TeamTestKit.DuringRegistration);
        var root = site.RootUri!;
        var received = await site.TeamThatReceivedAsync();

        // The approval runs out; the next pass of the job makes the close-out and mails the captain.
        await site.CloseOutPassAtAsync(received.ExpiresAt.AddMinutes(1));
        var mail = await site.Smtp.WaitForAsync(received.Team.CaptainEmail, m => m.Subject == CloseOutTestKit.OwedSubject);
        var link = CloseOutLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);

        var captain = await browser.NewPageAsync();
        await captain.SignInAsync(site, received.Team.CaptainEmail, SiteBuilders.Password);
        await captain.GotoAsync(new Uri(root, link.Value).ToString());
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("数据销毁声明");
        await captain.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("people\\.csv") }).CheckAsync();
        await captain.GetByLabel("删除日期").FillAsync(CloseOutTestKit.ChinaDate(site.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await captain.Locator("#confirmed").CheckAsync();
        await Screenshots.TakeDesktopAndMobileAsync(captain, "closeout-attest");
        await captain.GetByRole(AriaRole.Button, new() { Name = "提交销毁声明" }).ClickAsync();
        await Expect(captain.GetByRole(AriaRole.Heading, new() { Name = "已提交的声明" })).ToBeVisibleAsync();
        await Expect(captain.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "people.csv" })).ToHaveCountAsync(1);
        await captain.AssertNoSeriousViolationsAsync("the attested close-out");

        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin/data-closeouts?filter=Attested").ToString());
        await Expect(organizer.GetByRole(AriaRole.Row).Filter(new() { HasText = "救助地图队" })).ToHaveCountAsync(1);
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "closeout-organizer");
    }

    [GeneratedRegex(@"/bundles/closeouts/\d+")]
    private static partial Regex CloseOutLink();
}
