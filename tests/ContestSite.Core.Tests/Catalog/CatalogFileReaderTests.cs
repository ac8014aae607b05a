using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Import;

namespace ContestSite.Core.Tests.Catalog;

public class CatalogFileReaderTests
{
    [Theory]
    [InlineData("zhejiang_zhejiang.json", "zhejiang", 1309, 819, 490)]
    [InlineData("zhejiang_hangzhou.json", "hangzhou", 6590, 6094, 496)]
    [InlineData("jiangsu_jiangsu.json", "jiangsu", 965, 375, 590)]
    public async Task Each_portal_export_imports_every_record_with_its_open_types_mapped(string file, string format, int count, int unconditional, int restricted)
    {
        var batch = await OpenCatalogues.ReadAsync(file);

        Assert.True(batch.Succeeded, batch.FatalError);
        Assert.Equal(format, batch.Format);
        Assert.Equal(count, batch.Datasets.Count);
        Assert.Empty(batch.Problems);
        Assert.Equal(unconditional, batch.Datasets.Count(d => d.OpenType == OpenType.Unconditional));
        Assert.Equal(restricted, batch.Datasets.Count(d => d.OpenType == OpenType.Restricted));
    }

    [Fact]
    public async Task Shanghai_4494_rows_collapse_to_2228_datasets_because_the_url_is_shared_and_6_provider_title_pairs_repeat_with_other_metadata()
    {
        var batch = await OpenCatalogues.ReadAsync("shanghai_shanghai.json");

        Assert.Equal(4494, batch.RowsRead);
        Assert.Equal(2228, batch.Datasets.Count);
        Assert.Equal(4494 - 2228, batch.DuplicateRows);
        Assert.Equal(1479, batch.Datasets.Count(d => d.OpenType == OpenType.Unconditional));
        Assert.Equal(749, batch.Datasets.Count(d => d.OpenType == OpenType.Restricted));
    }

    [Fact]
    public async Task Combined_csv_reads_11098_rows_into_the_same_datasets_as_the_four_json_exports()
    {
        var csv = await OpenCatalogues.ReadAsync("combined_catalog.csv");
        var json = await OpenCatalogues.AllPortalsAsync();

        Assert.Equal("combined-csv", csv.Format);
        Assert.Empty(csv.Problems);
        Assert.Equal(11098, csv.RowsRead);
        Assert.Equal(11092, csv.Datasets.Count);
        Assert.Equal(json.Select(d => d.SourceKey).Order(), csv.Datasets.Select(d => d.SourceKey).Order());
    }

    [Fact]
    public async Task Hangzhou_district_departments_are_named_with_their_district()
    {
        var batch = await OpenCatalogues.ReadAsync("zhejiang_hangzhou.json");

        var binjiang = batch.Datasets.First(d => d.District == "滨江区");
        Assert.Equal("杭州市滨江区", binjiang.Region);
        Assert.StartsWith("滨江区", binjiang.Provider);
        Assert.Equal("登录开放", batch.Datasets.First().OpenTypeLabel);
    }

    [Theory]
    [InlineData("not a catalogue at all")]
    [InlineData("{\"标题\": \"x\"}")]
    [InlineData("[{\"标题\": \"x\", \"数源单位\": \"y\", \"开放条件\": \"开放网站\"}, {\"broken\": ")]
    [InlineData("[{\"name\": \"unknown portal\"}]")]
    [InlineData("source,title\ndata.sh.gov.cn,x\n")]
    [InlineData("")]
    public async Task A_file_that_cannot_be_read_at_all_is_one_fatal_error_and_yields_no_datasets(string content)
    {
        var batch = await OpenCatalogues.ReadTextAsync(content);

        Assert.False(batch.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(batch.FatalError));
        Assert.Empty(batch.Datasets);
    }

    [Fact]
    public async Task Unreadable_json_records_are_reported_by_element_number_and_the_others_kept()
    {
        var batch = await OpenCatalogues.ReadTextAsync("""
            [{"资源名称":"公交线路","所属单位":"交通厅","开放类型":"无条件开放","详情页网址":"u1"},
             {"资源名称":"","所属单位":"交通厅","开放类型":"无条件开放","详情页网址":"u2"},
             42,
             {"资源名称":"公交站点","所属单位":"交通厅","开放类型":"依申请开放","详情页网址":"u3"}]
            """);

        Assert.True(batch.Succeeded);
        Assert.Equal(["公交线路", "公交站点"], batch.Datasets.Select(d => d.Title));
        Assert.Equal([2L, 3L], batch.Problems.Select(p => p.Position));
    }

    [Fact]
    public async Task Malformed_csv_rows_are_reported_by_line_and_the_others_kept()
    {
        var header = "source,region,title,description,department,domain,open_type,open_type_raw,update_frequency,formats,record_count,publish_date,update_date,tags,url";
        var content = header + "\n"
            + "data.jszwfw.gov.cn,江苏省,公交线路,\"线路,站点\n与票价\",交通厅,交通,无条件开放,无条件开放,每年,csv;xlsx,10,2020-01-01,2023-01-01,公交,u1\n"
            + "data.jszwfw.gov.cn,江苏省,too few fields\n"
            + "data.jszwfw.gov.cn,江苏省,\"bad\"quote,d,交通厅,交通,,依申请开放,每年,csv,1,2020-01-01,2023-01-01,,u2\n"
            + "data.jszwfw.gov.cn,江苏省,公交站点,d,交通厅,交通,,依申请开放,每年,csv,1,2020-01-01,2023-01-01,,u3\n";

        var batch = await OpenCatalogues.ReadTextAsync(content);

        Assert.Equal(["公交线路", "公交站点"], batch.Datasets.Select(d => d.Title));
        Assert.Equal([4L, 5L], batch.Problems.Select(p => p.Position));
        Assert.Equal("线路,站点\n与票价", batch.Datasets[0].Description);
        Assert.Equal(["csv", "xlsx"], batch.Datasets[0].Formats);
        Assert.Equal(OpenType.Restricted, batch.Datasets[1].OpenType);
    }
}
