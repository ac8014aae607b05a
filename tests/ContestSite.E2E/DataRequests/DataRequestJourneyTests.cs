using System.Text.RegularExpressions;
using ContestSite.Core.Catalog;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Bundles;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.DataRequests;

[Collection(BrowserCollection.Name)]
public sealed class DataRequestJourneyTests(BrowserFixture browser)
{
    private const string Words = "无人机起降点";

    [Fact]
    public async Task A_search_that_finds_nothing_becomes_a_request_that_is_supported_routed_and_answered_by_a_dataset_and_the_requester_is_told()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        const string requesterEmail = "asker@example.com", supporterEmail = "backer@example.com";
        await site.CreateUserAsync(requesterEmail, SiteBuilders.Password, "Contestant");
        await site.CreateUserAsync(supporterEmail, SiteBuilders.Password, "Contestant");

        // The requester searches the catalogue, finds nothing, and asks from there: the words start the title.
        var requester = await browser.NewPageAsync();
        await requester.SignInAsync(site, requesterEmail, SiteBuilders.Password);
        await requester.GotoAsync(new Uri(root, "/datasets?q=" + Uri.EscapeDataString(Words)).ToString());
        await requester.GetByRole(AriaRole.Link, new() { Name = "提出数据需求" }).ClickAsync();
        await Expect(requester.GetByLabel("需要什么数据")).ToHaveValueAsync(Words);
        await requester.GetByLabel("需要什么数据").FillAsync(Words + "位置数据");
        await requester.GetByLabel("数据的内容和用途").FillAsync("需要全省低空无人机起降点的位置和开放时间，用于物流配送路线规划。");
        await requester.GetByLabel("您认为掌握该数据的单位（选填）").FillAsync("省交通运输厅");
        await Screenshots.TakeDesktopAndMobileAsync(requester, "data-request-new");
        await requester.GetByRole(AriaRole.Button, new() { Name = "提交需求" }).ClickAsync();
        await Expect(requester).ToHaveURLAsync(new Regex(@"/data-requests/\d+$"));
        await Expect(requester.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("待处理");
        var requestUrl = requester.Url;
        await requester.AssertNoSeriousViolationsAsync("a data request's page");

        // Someone else needs it too.
        var supporter = await browser.NewPageAsync();
        await supporter.SignInAsync(site, supporterEmail, SiteBuilders.Password);
        await supporter.GotoAsync(new Uri(root, "/data-requests?state=Open").ToString());
        await supporter.GetByRole(AriaRole.Link, new() { Name = Words + "位置数据" }).ClickAsync();
        await supporter.GetByRole(AriaRole.Button, new() { Name = "附议（我也需要这项数据）" }).ClickAsync();
        await Expect(supporter.GetByText("1 人附议")).ToBeVisibleAsync();

        // The organizer finds it in the inbox, routes it, and links the dataset once the provider opens it.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("待处理的数据需求：1 项") }).ClickAsync();
        await organizer.GetByRole(AriaRole.Link, new() { Name = Words + "位置数据" }).ClickAsync();
        await organizer.GetByRole(AriaRole.Link, new() { Name = "处理该需求" }).ClickAsync();
        await Expect(organizer.GetByText("提出人：asker（asker@example.com），仅组委会可见")).ToBeVisibleAsync();
        await organizer.GetByLabel("数源单位").FillAsync("省交通运输厅");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "转办", Exact = true }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已转办");
        var opened = await site.DatasetAsync("低空无人机起降点位置信息", OpenType.Unconditional);
        await organizer.GetByLabel("数据集页面的链接").FillAsync(new Uri(root, $"/datasets/{opened.Id}").ToString());
        await organizer.GetByRole(AriaRole.Button, new() { Name = "关联数据集并通知" }).ClickAsync();
        await Expect(organizer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已开放");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "data-request-handled");

        // The requester is told by mail, and the request's page leads to the dataset.
        var mail = await site.Smtp.WaitForAsync(requesterEmail, m => m.Subject?.Contains("已开放", StringComparison.Ordinal) == true);
        Assert.Contains("低空无人机起降点位置信息", mail.TextBody);
        await site.Smtp.WaitForAsync(supporterEmail, m => m.Subject?.Contains("已开放", StringComparison.Ordinal) == true);
        await requester.GotoAsync(requestUrl);
        await Expect(requester.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("已开放");
        await requester.GetByRole(AriaRole.Link, new() { Name = "低空无人机起降点位置信息" }).ClickAsync();
        await Expect(requester).ToHaveURLAsync(new Uri(root, $"/datasets/{opened.Id}").ToString());
        await Screenshots.TakeDesktopAndMobileAsync(supporter, "data-request-supported");
    }
}
