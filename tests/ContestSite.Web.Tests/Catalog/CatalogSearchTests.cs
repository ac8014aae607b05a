using System.Net;
using System.Text.Json;
using ContestSite.Core.Catalog;
using ContestSite.Search;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// The tests that only search the default recipe's 24 datasets share one site; those that import a catalogue, edit or
/// unpublish a dataset have their own.
/// </summary>
public sealed class CatalogSearchTests(SharedSite shared) : IClassFixture<SharedSite>
{
    private static Dictionary<string, int> Facet(JsonElement result, string facet) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Facet_counts_equal_a_database_group_by_for_the_same_filter(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        await CatalogTestKit.ImportAsync(site, CatalogTestKit.RealFile("zhejiang_zhejiang.json"));
        var expectedTotal = await site.WithDbAsync(db => db.Datasets.CountAsync(d => d.Status == DatasetStatus.Published));
        using var client = site.CreateClient();
        await CatalogTestKit.WaitForSearchAsync(site, client, "pageSize=1", r => CatalogTestKit.Total(r) == expectedTotal);

        var result = await CatalogTestKit.SearchAsync(client, "openType=Restricted&facetLimit=1000");

        var restricted = await site.WithDbAsync(db => db.Datasets.Where(d => d.Status == DatasetStatus.Published && d.OpenType == OpenType.Restricted)
            .Select(d => d.Domain).ToListAsync());
        Assert.Equal(restricted.Count, CatalogTestKit.Total(result));
        var byDomain = restricted.GroupBy(d => d ?? CatalogFacetValues.Unspecified).ToDictionary(g => g.Key, g => g.Count());
        var domainFacet = Facet(result, "domain");
        foreach (var (domain, count) in byDomain.OrderByDescending(p => p.Value).Take(CatalogQuery.DefaultFacetLimit))
            Assert.Equal(count, domainFacet[domain]);
        // The open-type facet ignores its own filter (multi-select), so it counts every class.
        var byType = await site.WithDbAsync(db => db.Datasets.Where(d => d.Status == DatasetStatus.Published).GroupBy(d => d.OpenType)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        var typeFacet = Facet(result, "openType");
        foreach (var group in byType) Assert.Equal(group.Count, typeFacet[group.Key.ToString()]);
    }

    [Fact]
    public async Task A_search_for_buses_finds_the_bus_datasets_first_with_the_word_highlighted()
    {
        await using var site = await SiteFactory.CreateAsync();
        await CatalogTestKit.ImportAsync(site, CatalogTestKit.RealFile("zhejiang_hangzhou.json"));
        using var client = site.CreateClient();

        var result = await CatalogTestKit.WaitForSearchAsync(site, client, "q=" + Uri.EscapeDataString("公交"), r => CatalogTestKit.Total(r) > 10);

        var top = result.GetProperty("items").EnumerateArray().Take(5).ToList();
        Assert.All(top, item => Assert.Contains("公交", item.GetProperty("title").GetString()));
        Assert.Contains("<mark>", top[0].GetProperty("highlights").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_dataset_edited_by_an_organizer_is_found_by_its_new_title_within_seconds()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var organizer = await site.OrganizerAsync();
        var dataset = await site.WithDbAsync(db => db.Datasets.SingleAsync(d => d.Title == "养老机构基本信息"));
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "银发族照护机构名录", ["Input.Provider"] = "省民政厅", ["Input.OpenType"] = "Unconditional",
            ["Input.Fields"] = "机构名称|文本|养老机构的名称|\n联系电话|文本|机构电话|敏感",
            // The sensitive fields (and so the classification) change, which needs a reason.
            ["Input.ClassificationReason"] = "标注联系电话为敏感字段",
        };

        var saved = await organizer.PostFormAsync($"/admin/datasets/{dataset.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        using var client = site.CreateClient();
        var found = await CatalogTestKit.WaitForSearchAsync(site, client, "q=" + Uri.EscapeDataString("银发族照护"), r => CatalogTestKit.Total(r) > 0);
        Assert.Equal(dataset.Id.ToString(), found.GetProperty("items")[0].GetProperty("id").GetString());
        var stored = await site.WithDbAsync(db => db.Datasets.Include(d => d.Fields).SingleAsync(d => d.Id == dataset.Id));
        Assert.Equal(["机构名称", "联系电话"], stored.Fields.OrderBy(f => f.SortOrder).Select(f => f.Name));
        Assert.True(stored.Fields.Single(f => f.Name == "联系电话").IsSensitive);
    }

    [Fact]
    public async Task An_unpublished_dataset_leaves_the_search_and_its_page()
    {
        await using var site = await SiteFactory.CreateAsync();
        using var client = site.CreateClient();
        await CatalogTestKit.WaitForSearchAsync(site, client, "q=" + Uri.EscapeDataString("气象站"), r => CatalogTestKit.Total(r) > 0);
        var dataset = await site.WithDbAsync(db => db.Datasets.SingleAsync(d => d.Title == "气象站逐日观测数据"));
        using var organizer = await site.OrganizerAsync();

        var unpublished = await organizer.PostFormAsync($"/admin/datasets/{dataset.Id}", new Dictionary<string, string> { ["reason"] = "数据源停止更新" },
            $"/admin/datasets/{dataset.Id}/publication?handler=Unpublish");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.Status);

        await CatalogTestKit.WaitForSearchAsync(site, client, "q=" + Uri.EscapeDataString("气象站"), r => CatalogTestKit.Total(r) == 0);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/datasets/{dataset.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/datasets/{dataset.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("q=%22%E5%85%AC%E4%BA%A4")]
    [InlineData("q=(%E5%85%AC%E4%BA%A4%5D")]
    [InlineData("q=*:*")]
    [InlineData("q=*%E4%BA%A4")]
    [InlineData("q=%00%01%1F%E5%85%AC%E4%BA%A4")]
    [InlineData("q=title:%E5%85%AC%E4%BA%A4%20AND%20OR%20NOT")]
    [InlineData("sort=price")]
    [InlineData("page=-1")]
    [InlineData("page=abc&pageSize=xyz")]
    [InlineData("provider=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%8D%95%E4%BD%8D")]
    [InlineData("openType=Secret")]
    public async Task Bad_queries_answer_normally_and_never_fail(string query)
    {
        var site = shared.Site;
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/api/datasets?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("page").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/datasets?" + query)).StatusCode);
    }

    [Fact]
    public async Task A_ten_thousand_character_query_and_a_huge_page_size_are_cut_down()
    {
        var site = shared.Site;
        using var client = site.CreateClient();

        var result = await CatalogTestKit.SearchAsync(client, "q=" + new string('交', 10_000) + "&pageSize=100000");

        Assert.Equal(100, result.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Typeahead_suggests_titles_as_one_types()
    {
        var site = shared.Site;
        using var client = site.CreateClient();
        await CatalogTestKit.WaitForSearchAsync(site, client, "pageSize=1", r => CatalogTestKit.Total(r) == 24);

        using var response = await client.GetAsync("/api/datasets/suggest?q=" + Uri.EscapeDataString("空气"));
        var titles = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(s => s.GetProperty("title").GetString()).ToList();

        Assert.Contains("空气质量小时监测数据", titles);
    }

    [Fact]
    public async Task The_search_page_works_without_javascript_with_facets_and_a_result()
    {
        var site = shared.Site;
        using var client = site.CreateSiteClient();
        await CatalogTestKit.WaitForSearchAsync(site, client.Http, "pageSize=1", r => CatalogTestKit.Total(r) == 24);

        var page = await client.GetAsync("/datasets?q=" + Uri.EscapeDataString("公交") + "&openType=Unconditional");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var open = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "杭州市公交线路与站点信息").Select(d => d.Id).SingleAsync());
        var restricted = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "公交车辆实时到站预测数据").Select(d => d.Id).SingleAsync());
        Assert.Contains($"href=\"/datasets/{open}\"", page.Html);
        Assert.DoesNotContain($"href=\"/datasets/{restricted}\"", page.Html);
        Assert.Contains("<mark>公交</mark>", page.Html);
        Assert.Contains("name=\"openType\" value=\"Unconditional\" checked=\"checked\"", page.Html);
        Assert.Contains("开放类型", page.Text);
    }

    [Fact]
    public async Task The_opening_performance_page_counts_new_datasets_against_the_targets()
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();

        var page = await client.GetAsync("/datasets/stats?year=2019");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var expected = await site.WithDbAsync(db => db.Datasets.CountAsync(d => d.Provider == "省卫生健康委"
            && d.FirstPublished >= new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) && d.FirstPublished < new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));
        Assert.Equal(1, expected);
        Assert.Matches(@"省卫生健康委\s+1\s+5\s+未达标", page.Text);
        // The demo's 杭州市交通运输局 is listed on the provincial level but is Hangzhou's.
        Assert.Matches(@"杭州市\s+\d+\s+150\s+未达标", page.Text);
        Assert.DoesNotMatch(@"杭州市交通运输局\s+\d", page.Text);
        Assert.Contains("<svg", page.Html);
    }

    [Fact]
    public async Task The_catalogue_api_is_described_in_the_openapi_document()
    {
        var site = shared.Site;
        using var client = site.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/datasets", out var search));
        Assert.Equal("SearchDatasets", search.GetProperty("get").GetProperty("operationId").GetString());
        Assert.True(paths.TryGetProperty("/api/datasets/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/datasets/suggest", out _));
    }

    [Fact]
    public async Task Related_datasets_share_what_the_dataset_is_about_not_common_words()
    {
        var site = shared.Site;
        using var client = site.CreateSiteClient();
        await CatalogTestKit.WaitForSearchAsync(site, client.Http, "pageSize=1", r => CatalogTestKit.Total(r) == 24);
        var id = await site.WithDbAsync(db => db.Datasets.Where(d => d.Title == "杭州市公交线路与站点信息").Select(d => d.Id).SingleAsync());

        var page = await client.GetAsync($"/datasets/{id}");

        var related = page.Html[page.Html.IndexOf("相关数据集", StringComparison.Ordinal)..];
        Assert.Contains("公交车辆实时到站预测数据", related);
        Assert.DoesNotContain("养老机构基本信息", related);
        Assert.Contains("浏览 / 下载", page.Text);
        Assert.Equal(1, await site.WithDbAsync(db => db.Datasets.Where(d => d.Id == id).Select(d => d.ViewCount).SingleAsync()));
    }
}
