using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Import;

namespace ContestSite.Core.Tests.Catalog;

public class CatalogImporterTests
{
    [Fact]
    public async Task Importing_the_same_file_twice_updates_nothing_and_inserts_nothing_the_second_time()
    {
        var first = await OpenCatalogues.ReadAsync("jiangsu_jiangsu.json");
        var saved = CatalogImporter.Upsert(new Dictionary<string, Dataset>(), first, TestClock.Now).Inserts.ToDictionary(d => d.SourceKey!);

        var again = CatalogImporter.Upsert(saved, await OpenCatalogues.ReadAsync("jiangsu_jiangsu.json"), TestClock.Now.AddDays(1));

        Assert.Equal(965, saved.Count);
        Assert.Empty(again.Inserts);
        Assert.Empty(again.Updates);
        Assert.Equal(965, again.Unchanged);
    }

    [Fact]
    public async Task A_changed_record_updates_the_existing_dataset_and_keeps_its_id_status_and_counters()
    {
        var batch = await OpenCatalogues.ReadTextAsync("""[{"资源名称":"公交线路","所属单位":"交通厅","开放类型":"无条件开放","详情页网址":"u1"}]""");
        var existing = CatalogImporter.Upsert(new Dictionary<string, Dataset>(), batch, TestClock.Now).Inserts.Single();
        existing.Status = DatasetStatus.Draft;
        existing.DownloadCount = 7;
        var id = existing.Id;

        var changed = await OpenCatalogues.ReadTextAsync("""[{"资源名称":"公交线路（2023）","所属单位":"交通厅","开放类型":"依申请开放","详情页网址":"u1"}]""");
        var plan = CatalogImporter.Upsert(new Dictionary<string, Dataset> { [existing.SourceKey!] = existing }, changed, TestClock.Now.AddDays(1));

        var updated = Assert.Single(plan.Updates);
        Assert.Empty(plan.Inserts);
        Assert.Same(existing, updated);
        Assert.Equal(id, updated.Id);
        Assert.Equal("公交线路（2023）", updated.Title);
        Assert.Equal(OpenType.Restricted, updated.OpenType);
        Assert.Equal(DatasetStatus.Draft, updated.Status);
        Assert.Equal(7, updated.DownloadCount);
        Assert.Equal(TestClock.Now.AddDays(1), updated.UpdatedAt);
    }

    [Fact]
    public async Task A_broken_file_plans_no_change()
    {
        var existing = new Dictionary<string, Dataset>();
        var plan = CatalogImporter.Upsert(existing, await OpenCatalogues.ReadTextAsync("[{\"标题\": "), TestClock.Now);

        Assert.Empty(plan.Inserts);
        Assert.Empty(plan.Updates);
    }
}
