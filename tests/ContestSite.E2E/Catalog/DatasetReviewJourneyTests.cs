using System.Net;
using System.Text.RegularExpressions;
using ContestSite.E2E.Infrastructure;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContestSite.E2E.Catalog;

/// <summary>Review before opening in the browser: one organizer makes and submits a dataset, a second one reviews it, and then it is public.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DatasetReviewJourneyTests(BrowserFixture browser)
{
    private const string Title = "公共自行车站点分布";

    [Fact]
    public async Task An_organizer_submits_a_new_dataset_a_second_organizer_reviews_it_from_the_inbox_and_then_the_public_sees_it()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true);
        var root = site.RootUri!;
        await site.SecondOrganizerIdAsync();

        // The first organizer makes the dataset: a draft, which they submit.
        var author = await browser.NewPageAsync();
        await author.SignInAsync(site, SiteFactory.OrganizerEmail, SiteFactory.OrganizerPassword);
        await author.GotoAsync(new Uri(root, "/admin/datasets/new").ToString());
        await author.GetByLabel("标题").FillAsync(Title);
        await author.GetByLabel("数源单位").FillAsync("杭州市交通运输局");
        await author.GetByLabel("开放类型").SelectOptionAsync("Unconditional");
        await author.GetByLabel("字段（每行一个：字段名|类型|说明|敏感）").FillAsync("站点名称|文本|站点的名称\n车位数|整数");
        await author.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await Expect(author.Locator("#publication")).ToContainTextAsync("草稿");
        var id = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == Title).Select(d => d.Id).SingleAsync());
        await author.GetByRole(AriaRole.Button, new() { Name = "提交审核", Exact = true }).ClickAsync();
        await Expect(author.Locator("#publication")).ToContainTextAsync("待审核");
        await Expect(author.Locator("#publication")).ToContainTextAsync("须由另一位组织者审核");
        await Expect(author.Locator("#publication").GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true })).ToHaveCountAsync(0);

        using var http = new HttpClient { BaseAddress = root };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/datasets/{id}")).StatusCode);

        // The second organizer finds it in the inbox and on the list of datasets in review.
        var reviewer = await browser.NewPageAsync();
        await reviewer.SignInAsync(site, CatalogReviewBuilders.SecondOrganizerEmail, SiteBuilders.Password);
        await reviewer.GotoAsync(new Uri(root, "/admin").ToString());
        await reviewer.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("待审核的数据集：1 个") }).ClickAsync();
        await Expect(reviewer).ToHaveURLAsync(new Regex(@"/admin/datasets\?status=InReview"));
        await Expect(reviewer.GetByRole(AriaRole.Checkbox, new() { Name = $"选择“{Title}”" })).ToBeVisibleAsync();
        await Screenshots.TakeDesktopAndMobileAsync(reviewer, "catalog-review-list");
        await reviewer.AssertNoSeriousViolationsAsync("the catalogue list of datasets in review");

        // The review: the assessment, the grounds, the decision.
        await reviewer.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
        await reviewer.Locator("#publication").GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "审核数据集", Level = 1 })).ToBeVisibleAsync();
        await reviewer.GetByLabel("已核对分类分级，级别正确").CheckAsync();
        await reviewer.GetByLabel("已核对敏感字段，标注完整").CheckAsync();
        await reviewer.GetByLabel("开放类型依据（批准时必填）").FillAsync("站点位置属公共信息，可无条件开放");
        await reviewer.GetByLabel("批准发布").CheckAsync();
        await Screenshots.TakeDesktopAndMobileAsync(reviewer, "catalog-review");
        await reviewer.AssertNoSeriousViolationsAsync("the review of a dataset");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "提交审核结论" }).ClickAsync();

        await Expect(reviewer.Locator("#publication")).ToContainTextAsync("已发布");
        await Expect(reviewer.Locator("#publication table")).ToContainTextAsync("批准发布");
        await Expect(reviewer.Locator("#publication table")).ToContainTextAsync("站点位置属公共信息，可无条件开放");
        await Screenshots.TakeDesktopAndMobileAsync(reviewer, "catalog-review-history");

        // Now public.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(new Uri(root, $"/datasets/{id}").ToString());
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
    }
}
