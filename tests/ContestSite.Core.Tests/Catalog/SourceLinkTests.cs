using ContestSite.Core.Catalog.Import;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>A dataset's 来源 links to its page on the portal it came from, and nowhere else.</summary>
public class SourceLinkTests
{
    [Theory]
    [InlineData("data.hangzhou.gov.cn", "https://data.hangzhou.gov.cn/dop/tpl/dataOpen/dataDetail.html?source_id=47541", true)]
    [InlineData("data.zjzwfw.gov.cn", "http://www.data.zjzwfw.gov.cn/detail?id=1", true)]
    [InlineData("data.hangzhou.gov.cn", "https://demo.contest.local/catalog/1", false)]
    [InlineData("data.hangzhou.gov.cn", "https://data.hangzhou.gov.cn.evil.example/x", false)]
    [InlineData("data.hangzhou.gov.cn", "javascript:alert(1)", false)]
    [InlineData("data.hangzhou.gov.cn", "/dop/detail/1", false)]
    [InlineData("data.hangzhou.gov.cn", "", false)]
    [InlineData("data.sh.gov.cn", "https://data.sh.gov.cn/view/detail/index.html?type=cp&&id=AD4002012016", false)]
    public void Only_a_page_on_the_datasets_own_portal_is_a_source_link(string source, string url, bool kept)
    {
        var link = SourceLinks.OnPortal(source, url);

        Assert.Equal(kept, link is not null);
    }

    [Fact]
    public async Task Every_record_of_the_real_Hangzhou_export_links_to_the_Hangzhou_portal_and_the_Shanghai_records_link_nowhere()
    {
        var hangzhou = await OpenCatalogues.ReadAsync("zhejiang_hangzhou.json");
        var shanghai = await OpenCatalogues.ReadAsync("shanghai_shanghai.json");

        Assert.All(hangzhou.Datasets, d => Assert.StartsWith("https://data.hangzhou.gov.cn/", d.SourceUrl));
        Assert.All(shanghai.Datasets, d => Assert.Null(d.SourceUrl));
    }

    [Fact]
    public async Task A_made_up_detail_address_is_dropped_but_still_identifies_the_record_on_a_re_import()
    {
        var batch = await OpenCatalogues.ReadTextAsync("""[{"资源名称":"公交线路","所属单位":"交通厅","开放类型":"无条件开放","详情页网址":"https://demo.contest.local/catalog/1"}]""");

        var dataset = Assert.Single(batch.Datasets);
        Assert.Null(dataset.SourceUrl);
        Assert.EndsWith("|https://demo.contest.local/catalog/1", dataset.SourceKey);
    }
}
