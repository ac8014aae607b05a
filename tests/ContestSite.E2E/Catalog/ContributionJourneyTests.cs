using System.IO.Compression;
using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Catalog;

/// <summary>社会贡献数据 in the browser: an organization contributes a dataset with its file, an organizer reviews it from the inbox, and the public sees it labelled.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContributionJourneyTests(BrowserFixture browser)
{
    private const string Title = "杭州市社区充电桩分布";

    private static byte[] DataZip()
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("充电桩.csv").Open();
            entry.Write("小区,桩数\n三墩花园,12\n"u8);
        }
        return output.ToArray();
    }

    [Fact]
    public async Task An_organization_contributes_a_dataset_with_its_file_an_organizer_approves_it_and_the_public_sees_it_labelled()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        var contributorEmail = "contributor@test.local";
        await site.CreateUserAsync(contributorEmail, SiteBuilders.Password, "Contestant");

        // The contributor finds the form from the catalogue, fills it in and uploads the data.
        var contributor = await browser.NewPageAsync();
        await contributor.SignInAsync(site, contributorEmail, SiteBuilders.Password);
        await contributor.GotoAsync(new Uri(root, "/datasets").ToString());
        await contributor.GetByRole(AriaRole.Link, new() { Name = "贡献数据", Exact = true }).ClickAsync();
        await Expect(contributor.GetByRole(AriaRole.Heading, new() { Name = "贡献数据", Level = 1 })).ToBeVisibleAsync();
        await contributor.GetByLabel("代表组织（企业、高校、社会组织等）").CheckAsync();
        await contributor.GetByLabel("组织名称（代表组织时填写）").FillAsync("浙江新能源汽车协会");
        await contributor.GetByLabel("联系方式（仅组委会可见）").FillAsync("0571-86000000");
        await contributor.GetByLabel("数据集名称").FillAsync(Title);
        await contributor.GetByLabel("数据说明（内容、范围、采集方式）").FillAsync("协会会员单位上报的杭州市各小区充电桩数量，每季度更新。");
        await contributor.GetByLabel("许可协议", new() { Exact = true }).SelectOptionAsync("CC BY 4.0");
        await contributor.GetByLabel("无条件开放").CheckAsync();
        await contributor.GetByLabel("数据分级").SelectOptionAsync("1");
        await contributor.GetByLabel("数据项（每行一个字段名）").FillAsync("小区\n桩数");
        await contributor.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "充电桩.zip", MimeType = "application/zip", Buffer = DataZip() });
        await Screenshots.TakeDesktopAndMobileAsync(contributor, "catalog-contribute");
        await contributor.AssertNoSeriousViolationsAsync("the contribution form");
        await contributor.GetByRole(AriaRole.Button, new() { Name = "提交审核", Exact = true }).ClickAsync();

        await Expect(contributor).ToHaveURLAsync(new Regex("/datasets/contributions$"));
        await Expect(contributor.Locator("main")).ToContainTextAsync(Title);
        await Expect(contributor.Locator("main")).ToContainTextAsync("审核中");
        await Screenshots.TakeDesktopAndMobileAsync(contributor, "catalog-my-contributions");
        var id = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == Title).Select(d => d.Id).SingleAsync());

        // An organizer finds it in the inbox, labelled, and approves it.
        var organizer = await browser.NewPageAsync();
        await organizer.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await organizer.GotoAsync(new Uri(root, "/admin").ToString());
        await organizer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("待审核的社会贡献数据：1 个") }).ClickAsync();
        await Expect(organizer.Locator("main")).ToContainTextAsync("社会贡献数据");
        await organizer.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        await Expect(organizer.Locator("main")).ToContainTextAsync("0571-86000000");
        await Screenshots.TakeDesktopAndMobileAsync(organizer, "catalog-contribution-admin");
        await organizer.Locator("#publication").GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).ClickAsync();
        await organizer.GetByLabel("已核对分类分级，级别正确").CheckAsync();
        await organizer.GetByLabel("已核对敏感字段，标注完整").CheckAsync();
        await organizer.GetByLabel("开放类型依据（批准时必填）").FillAsync("小区充电桩数量不含个人信息，可无条件开放");
        await organizer.GetByLabel("批准发布").CheckAsync();
        await organizer.GetByRole(AriaRole.Button, new() { Name = "提交审核结论" }).ClickAsync();
        await Expect(organizer.Locator("#publication")).ToContainTextAsync("已发布");

        // The public sees it labelled, on its page and in search.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(new Uri(root, $"/datasets/{id}").ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator(".badge.contributed")).ToHaveTextAsync("社会贡献数据");
        await Expect(visitor.Locator("main")).ToContainTextAsync("CC BY 4.0");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync("0571-86000000");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "catalog-contributed-dataset");
        await visitor.AssertNoSeriousViolationsAsync("a contributed dataset's page");
        // The index follows the database on the site's clock: time passes while the search is asked again.
        await site.WhileTimePassesUntilAsync(async () =>
        {
            await visitor.GotoAsync(new Uri(root, "/datasets?origin=Contributed&q=" + Uri.EscapeDataString("充电桩")).ToString());
            return await visitor.GetByRole(AriaRole.Link, new() { Name = Title }).CountAsync() > 0;
        }, TimeSpan.FromMilliseconds(500), 30);
        await Expect(visitor.Locator(".result-list .badge.contributed")).ToHaveTextAsync("社会贡献数据");
        await Screenshots.TakeDesktopAndMobileAsync(visitor, "catalog-contributed-search");
    }
}
