using System.Net;
using System.Text.Json;
using ContestSite.Core.Catalog;
using ContestSite.Search;
using ContestSite.Web.Tests.Infrastructure;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace ContestSite.Web.Tests.Catalog;

/// <summary>
/// A node restarted on an index of another format rebuilds it from the database before it reports healthy; on an index
/// of its own format it only follows the changes. The index is changed behind the site's back while it is stopped:
/// a planted dataset that is not in the database survives only when no rebuild ran.
/// </summary>
public class CatalogIndexFormatSearchTests
{
    private const string DemoBusTitle = "杭州市公交线路与站点信息";
    private const string PlantedTitle = "只在索引里的哨兵数据集";

    [Fact]
    public async Task A_node_restarted_on_an_index_of_an_older_format_rebuilds_it_from_the_database_before_it_reports_healthy()
    {
        var site = await SiteFactory.CreateAsync();
        await WaitUntilHealthyAsync(site);
        await site.StopKeepingStateAsync();
        TamperWithIndex(site.AppDataPath, olderFormat: true);

        await using var restarted = await SiteFactory.StartAgainAsync(site);
        await WaitUntilHealthyAsync(restarted);
        using var client = restarted.CreateClient();
        var traditional = await CatalogTestKit.SearchAsync(client, "q=" + Uri.EscapeDataString("公交線路"));
        var planted = await CatalogTestKit.SearchAsync(client, "q=" + Uri.EscapeDataString(PlantedTitle));

        Assert.Contains(DemoBusTitle, Titles(traditional));
        Assert.Equal(0, CatalogTestKit.Total(planted));
    }

    [Fact]
    public async Task A_node_restarted_on_an_index_of_its_own_format_does_not_rebuild_it()
    {
        var site = await SiteFactory.CreateAsync();
        await WaitUntilHealthyAsync(site);
        await site.StopKeepingStateAsync();
        TamperWithIndex(site.AppDataPath, olderFormat: false);

        await using var restarted = await SiteFactory.StartAgainAsync(site);
        await WaitUntilHealthyAsync(restarted);
        using var client = restarted.CreateClient();
        var planted = await CatalogTestKit.SearchAsync(client, "q=" + Uri.EscapeDataString(PlantedTitle));
        var bus = await CatalogTestKit.SearchAsync(client, "q=" + Uri.EscapeDataString(DemoBusTitle));

        Assert.Equal([PlantedTitle], Titles(planted));
        Assert.DoesNotContain(DemoBusTitle, Titles(bus));
    }

    /// <summary>Takes the demo bus dataset out of the stopped site's index and plants one the database lacks; optionally marks the index as written by format 1.</summary>
    private static void TamperWithIndex(string appData, bool olderFormat)
    {
        var folder = Path.Combine(appData, "index", "catalog");
        using (var index = new CatalogIndex(new CatalogIndexOptions { Folder = folder }))
        {
            Assert.False(index.NeedsRebuild);
            var bus = index.Searcher.Search(new CatalogQuery { Text = DemoBusTitle, PageSize = 100 }).Items.Single(h => h.Title == DemoBusTitle);
            index.Delete(bus.Id);
            index.Upsert(new Dataset { Title = PlantedTitle, Provider = "测试", Status = DatasetStatus.Published, Formats = ["csv"] });
            index.Commit();
        }
        if (!olderFormat) return;
        using var directory = FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new KeywordAnalyzer()));
        writer.SetCommitData(new Dictionary<string, string> { ["format"] = "1" });
        writer.Commit();
    }

    private static async Task WaitUntilHealthyAsync(SiteFactory site)
    {
        using var client = site.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the site did not become healthy within a minute");
            await Task.Delay(50);
        }
    }

    private static List<string?> Titles(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
}
