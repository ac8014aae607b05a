using System.Net;
using ContestSite.Core.Catalog;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// The real exports come from different portals and share no dataset, so their rows import into one site and each
/// compares the count with what was there before; so does the refused file. Re-importing and the CSV after the portal
/// files need a site of their own, where nothing else was imported.
/// </summary>
public sealed class CatalogImportTests(SharedSite shared) : IClassFixture<SharedSite>
{
    [Theory]
    [InlineData("zhejiang_zhejiang.json", 1309)]
    [InlineData("zhejiang_hangzhou.json", 6590)]
    [InlineData("jiangsu_jiangsu.json", 965)]
    // 4,494 rows, one detail URL for all: keyed by provider and title, 2,228 distinct datasets remain.
    [InlineData("shanghai_shanghai.json", 2228)]
    public async Task Each_real_portal_export_imports_with_its_record_count_and_mapped_open_types(string file, int datasets)
    {
        var site = shared.Site;
        var before = await site.WithDbAsync(db => db.Datasets.CountAsync());

        var report = await CatalogTestKit.ImportAsync(site, CatalogTestKit.RealFile(file));

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(datasets, report.Inserted);
        Assert.Empty(report.Problems);
        Assert.Equal(before + datasets, await site.WithDbAsync(db => db.Datasets.CountAsync()));
        var imported = await site.WithDbAsync(db => db.Datasets.Where(d => d.SourceKey != null && !d.SourceKey.Contains("demo.contest.local"))
            .Select(d => new { d.OpenType, d.OpenTypeLabel }).ToListAsync());
        Assert.All(imported, d => Assert.Equal(OpenTypeMapper.FromPlanName(d.OpenTypeLabel) ?? OpenTypeMapper.Map(d.OpenTypeLabel), d.OpenType));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task Importing_the_same_export_again_updates_and_never_duplicates(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        var path = CatalogTestKit.RealFile("jiangsu_jiangsu.json");
        await CatalogTestKit.ImportAsync(site, path);
        var count = await site.WithDbAsync(db => db.Datasets.CountAsync());

        var again = await CatalogTestKit.ImportAsync(site, path);

        Assert.Equal(0, again.Inserted);
        Assert.Equal(965, again.Updated + again.Unchanged);
        Assert.Equal(count, await site.WithDbAsync(db => db.Datasets.CountAsync()));
    }

    [Fact]
    public async Task The_combined_csv_after_the_portal_files_adds_no_duplicates()
    {
        await using var site = await SiteFactory.CreateAsync();
        await CatalogTestKit.ImportAsync(site, CatalogTestKit.RealFile("zhejiang_zhejiang.json"));

        var report = await CatalogTestKit.ImportAsync(site, CatalogTestKit.RealFile("combined_catalog.csv"));

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(11_092 - 1309, report.Inserted);
        Assert.Equal(24 + 11_092, await site.WithDbAsync(db => db.Datasets.CountAsync()));
    }

    [Fact]
    public async Task Rows_that_cannot_be_read_are_reported_with_their_position_and_the_rest_is_imported()
    {
        await using var site = await SiteFactory.CreateAsync();
        var header = "source,region,title,description,department,domain,open_type,open_type_raw,update_frequency,formats,record_count,publish_date,update_date,tags,url";
        var csv = string.Join("\n", header,
            "data.example,浙江省,公交站点,站点信息,省交通运输厅,交通出行,无条件开放,无条件开放,每月,csv,10,2020-01-01,2020-02-01,公交,https://example/1",
            "data.example,浙江省,只有三列,x",
            "data.example,浙江省,\"引号\"后有字\",描述,省交通运输厅,交通出行,无条件开放,无条件开放,每月,csv,10,2020-01-01,2020-02-01,公交,https://example/3",
            "data.example,浙江省,出租车站点,站点,省交通运输厅,交通出行,受限开放,有条件开放,每月,csv,10,2020-01-01,2020-02-01,出租,https://example/4");

        var report = await CatalogTestKit.ImportTextAsync(site, csv);

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(2, report.Inserted);
        Assert.Equal(2, report.Problems.Count);
        Assert.Equal(3, report.Problems[0].Position);
        Assert.Contains("应有 15 列", report.Problems[0].Reason);
        Assert.True(await site.WithDbAsync(db => db.Datasets.AnyAsync(d => d.Title == "出租车站点")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_catalogue_is_refused_on_the_admin_page_and_nothing_changes()
    {
        var site = shared.Site;
        using var client = await site.OrganizerAsync();
        var before = await site.WithDbAsync(db => db.Datasets.CountAsync());
        var token = (await client.GetAsync("/admin/datasets/import")).AntiforgeryToken!;

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("<html><body>not a catalogue</body></html>"u8.ToArray()), "file", "catalog.json" },
        };
        using var response = await client.Http.PostAsync("/admin/datasets/import", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法导入", html);
        Assert.Contains("数据库未作任何更改", html);
        Assert.Equal(before, await site.WithDbAsync(db => db.Datasets.CountAsync()));
    }

    [Fact]
    public async Task The_import_command_imports_drafts_or_with_publish_published_datasets_and_the_reindex_command_rebuilds_the_index()
    {
        var appData = SiteProcess.NewAppDataFolder();
        try
        {
            var env = SiteProcess.SqliteSite(appData);
            var drafts = await SiteProcess.RunAsync(env, "catalog", "import", CatalogTestKit.RealFile("zhejiang_zhejiang.json"));
            Assert.True(drafts.ExitCode == 0, drafts.Error + drafts.Output);
            var import = await SiteProcess.RunAsync(env, "catalog", "import", CatalogTestKit.RealFile("jiangsu_jiangsu.json"), "--publish");
            Assert.True(import.ExitCode == 0, import.Error + import.Output);
            Assert.Contains("新增 965", import.Output);

            var reindex = await SiteProcess.RunAsync(env, "catalog", "reindex");
            Assert.True(reindex.ExitCode == 0, reindex.Error + reindex.Output);
            Assert.Contains("965 datasets", reindex.Output);

            var broken = Path.Combine(appData, "broken.json");
            await File.WriteAllTextAsync(broken, "{ \"not\": \"an array\" }");
            var refused = await SiteProcess.RunAsync(env, "catalog", "import", broken);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("nothing was changed", refused.Error);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(appData, recursive: true);
        }
    }
}
