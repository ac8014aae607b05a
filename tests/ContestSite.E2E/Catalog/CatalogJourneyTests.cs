using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ContestSite.Core.Catalog;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Catalog;

[Collection(BrowserCollection.Name)]
public sealed partial class CatalogJourneyTests(BrowserFixture browser)
{
    private const string BusLines = "杭州市公交线路与站点信息";
    private const string BusArrivals = "公交车辆实时到站预测数据";
    private const string Population = "人口基础信息";
    private const string BusLinesFile = "hangzhou-bus-lines-2020.csv";

    [Fact]
    public async Task A_visitor_searches_for_buses_filters_to_open_datasets_opens_one_and_finds_the_prohibited_one_without_data()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        await WaitForTheIndexAsync(site);
        // The demo catalogue has no files: an organizer's upload is stood in for by a resource row.
        await AttachFileAsync(site, BusLines, BusLinesFile);

        // 数据目录 from the main navigation.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(root.ToString());
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "数据目录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(root, "/datasets").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "数据目录", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(24, await ResultCountAsync(page));

        // Typeahead: typing part of a title fills the datalist with matching titles.
        var search = page.GetByLabel("搜索数据集");
        await search.PressSequentiallyAsync("空气");
        await Expect(page.Locator("#q-suggestions option[value='空气质量小时监测数据']")).ToHaveCountAsync(1);

        // Searching 公交: the two bus datasets come first, the word highlighted.
        await search.FillAsync("公交");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/datasets\?q=%E5%85%AC%E4%BA%A4"));
        await Expect(search).ToHaveValueAsync("公交");
        var results = page.Locator("ol.result-list > li");
        var titles = results.Locator("h2 a");
        await Expect(titles.Nth(0)).ToContainTextAsync("公交");
        await Expect(titles.Nth(1)).ToContainTextAsync("公交");
        Assert.Equal(new[] { BusArrivals, BusLines }, (await titles.Nth(0).InnerTextAsync() + "|" + await titles.Nth(1).InnerTextAsync()).Split('|').Order());
        await Expect(titles.Nth(0).Locator("mark")).ToHaveTextAsync("公交");
        await Expect(titles.Nth(1).Locator("mark")).ToHaveTextAsync("公交");
        var all = await ResultCountAsync(page);
        Assert.True(all >= 2, $"公交 finds the two bus datasets, found {all}");
        await Expect(results).ToHaveCountAsync(all);
        await Screenshots.TakeDesktopAndMobileAsync(page, "catalog-search");
        await page.AssertNoSeriousViolationsAsync("the catalogue search results");

        // Ticking 无条件开放 and pressing 筛选 keeps the words and leaves the open datasets only.
        var openTypes = page.GetByRole(AriaRole.Group, new() { Name = "开放类型" });
        var unconditional = openTypes.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^无条件开放") });
        var facetCount = int.Parse(CountInBrackets().Match(await openTypes.Locator("label").Filter(new() { HasText = "无条件开放" }).InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        await unconditional.CheckAsync();
        await page.GetByRole(AriaRole.Complementary, new() { Name = "筛选" }).GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("openType=Unconditional"));
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "开放类型" }).GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^无条件开放") })).ToBeCheckedAsync();
        var open = await ResultCountAsync(page);
        Assert.True(open < all, $"the filter leaves fewer than {all} datasets, left {open}");
        Assert.Equal(facetCount, open);
        await Expect(results).ToHaveCountAsync(open);
        await Expect(results.Locator(".badge").Filter(new() { HasNotText = "无条件开放" })).ToHaveCountAsync(0);
        await Expect(titles.Filter(new() { HasText = BusArrivals })).ToHaveCountAsync(0); // 依申请开放 is restricted
        await Expect(titles.Nth(0)).ToHaveTextAsync(BusLines);
        await Screenshots.TakeDesktopAndMobileAsync(page, "catalog-filtered");

        // The first result: provider, open type, and files that signing in lets one download.
        await titles.Nth(0).ClickAsync();
        await Expect(page).ToHaveURLAsync(DatasetPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(BusLines);
        var meta = page.Locator("dl.dataset-meta");
        await Expect(meta.Locator("dt:has-text('数源单位') + dd")).ToHaveTextAsync("杭州市交通运输局");
        await Expect(page.Locator("article .badge")).ToHaveTextAsync("无条件开放");
        var files = page.Locator("section[aria-labelledby='files-heading']");
        await Expect(files).ToContainTextAsync("无条件开放数据，登录后即可下载。");
        await Expect(files).ToContainTextAsync(BusLinesFile);
        var datasetPath = new Uri(page.Url).AbsolutePath;
        await Expect(files.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToHaveAttributeAsync("href", "/account/login?returnUrl=" + Uri.EscapeDataString(datasetPath));
        await Expect(page.Locator("a[download]")).ToHaveCountAsync(0);
        await Expect(page.Locator("section[aria-labelledby='related-heading'] li a").First).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(page, "dataset-page");
        await page.AssertNoSeriousViolationsAsync("a dataset page");

        // 人口: the prohibited dataset shows its metadata and no data.
        await page.GotoAsync(new Uri(root, "/datasets").ToString());
        await page.GetByLabel("搜索数据集").FillAsync("人口");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        var populationLink = titles.Filter(new() { HasText = Population });
        await Expect(populationLink).ToHaveCountAsync(1);
        await Expect(titles.Nth(0)).ToHaveTextAsync(Population);
        await Expect(results.Nth(0).Locator(".badge")).ToHaveTextAsync("禁止开放");
        await populationLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(DatasetPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Population);
        await Expect(page.Locator("dl.dataset-meta dt:has-text('数源单位') + dd")).ToHaveTextAsync("省公安厅");
        await Expect(page.Locator("article .badge")).ToHaveTextAsync("禁止开放");
        files = page.Locator("section[aria-labelledby='files-heading']");
        await Expect(files.Locator(".notice")).ToHaveTextAsync(new Regex("禁止开放.*不提供数据"));
        await Expect(files.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Expect(page.Locator("a[download], a[href*='/files/']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("登录后即可下载");
        await Screenshots.TakeAsync(page, "dataset-prohibited-desktop");
        await page.Context.CloseAsync();

        // Without JavaScript the same search and filter work: the form is a plain GET.
        var plain = await browser.NewPageAsync(javaScriptEnabled: false);
        await plain.GotoAsync(new Uri(root, "/datasets").ToString());
        await plain.GetByLabel("搜索数据集").FillAsync("公交");
        await plain.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(plain.Locator("ol.result-list > li")).ToHaveCountAsync(all);
        await plain.GetByRole(AriaRole.Group, new() { Name = "开放类型" }).GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^无条件开放") }).CheckAsync();
        await plain.GetByRole(AriaRole.Complementary, new() { Name = "筛选" }).GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(plain).ToHaveURLAsync(new Regex("openType=Unconditional"));
        Assert.Equal(open, await ResultCountAsync(plain));
        await plain.Context.CloseAsync();
    }

    /// <summary>
    /// The index is built in the background after start: polls the API until 公交 is found (at most 20 s), moving the
    /// site's clock between polls so the index follower, which rests on it, runs.
    /// </summary>
    private static async Task WaitForTheIndexAsync(SiteFactory site)
    {
        using var http = new HttpClient { BaseAddress = site.RootUri, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = await http.GetFromJsonAsync<SearchTotal>("/api/datasets?q=%E5%85%AC%E4%BA%A4&pageSize=1");
            if (found?.Total > 0) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail("the catalogue index was not built within 20 s of the site's start");
            site.Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(200);
        }
    }

    private static Task AttachFileAsync(SiteFactory site, string title, string fileName) => site.WithDbAsync(async db =>
    {
        var dataset = await db.Datasets.SingleAsync(d => d.Title == title);
        db.DatasetResources.Add(new DatasetResource
        {
            DatasetId = dataset.Id, FileName = fileName, SizeBytes = 48_213, Format = "csv",
            StorageKey = "e2e/" + fileName, UploadedAt = site.Clock.GetUtcNow(),
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>The number in 共找到 N 个数据集.</summary>
    private static async Task<int> ResultCountAsync(IPage page)
    {
        var summary = page.Locator(".results > p.muted");
        await Expect(summary).ToContainTextAsync("共找到");
        return int.Parse(FoundCount().Match(await summary.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private sealed record SearchTotal(int Total);

    [GeneratedRegex(@"共找到\s*(\d+)\s*个数据集")]
    private static partial Regex FoundCount();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountInBrackets();

    [GeneratedRegex(@"/datasets/[0-9a-f-]{36}$")]
    private static partial Regex DatasetPage();
}
