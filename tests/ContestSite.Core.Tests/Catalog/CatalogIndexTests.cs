using Lucene.Net.Analysis.Cjk;
using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

public sealed class CatalogIndexTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CatalogIndex _index;

    public CatalogIndexTests() => _index = new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path });

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void An_edited_dataset_is_found_by_its_new_title_and_no_longer_by_its_old_one()
    {
        var dataset = Published("公交线路信息");
        _index.Upsert(dataset);
        _index.Commit();

        dataset.Title = "地铁站点出入口";
        dataset.Description = "地铁站点出入口的位置";
        _index.Upsert(dataset);
        _index.Commit();

        Assert.Equal(dataset.Id, Assert.Single(Search("地铁").Items).Id);
        Assert.Equal(0, Search("公交").Total);
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public void Unpublishing_or_deleting_a_dataset_removes_it_from_search()
    {
        var draft = Published("公交线路信息");
        var deleted = Published("公交站点信息");
        _index.Upsert(draft);
        _index.Upsert(deleted);
        _index.Commit();

        draft.Status = DatasetStatus.Draft;
        _index.Upsert(draft);
        _index.Delete(deleted.Id);
        _index.Commit();

        Assert.Equal(0, Search("公交").Total);
    }

    [Fact]
    public async Task Rebuild_indexes_only_published_datasets_and_lists_prohibited_ones_with_their_metadata()
    {
        var prohibited = Published("禁止开放的人口数据");
        prohibited.OpenType = OpenType.Prohibited;
        var draft = Published("草稿人口数据");
        draft.Status = DatasetStatus.Draft;

        await _index.RebuildAsync([Published("人口统计"), prohibited, draft]);

        var result = Search("人口");
        Assert.Equal(2, result.Total);
        Assert.Equal(OpenType.Prohibited, result.Items.Single(h => h.Id == prohibited.Id).OpenType);
    }

    [Fact]
    public void Changes_are_not_visible_before_commit()
    {
        _index.Upsert(Published("公交线路信息"));

        Assert.Equal(0, Search("公交").Total);
        _index.Commit();
        Assert.Equal(1, Search("公交").Total);
    }

    [Fact]
    public void Html_in_a_title_is_encoded_in_highlights()
    {
        _index.Upsert(Published("<script>alert(1)</script>公交"));
        _index.Commit();

        var highlights = Search("公交").Items[0].Highlights;

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;<mark>公交</mark>", highlights.Title);
    }

    [Fact]
    public void A_second_writer_on_the_same_folder_in_the_same_process_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path }));

        Assert.Contains("open by another writer", error.Message);
    }

    [Fact]
    public async Task A_new_index_needs_a_rebuild_and_a_rebuilt_one_no_longer_after_changes_and_reopening()
    {
        var neededAtFirst = _index.NeedsRebuild;
        await _index.RebuildAsync([Published("公交线路信息")]);
        var neededAfterRebuild = _index.NeedsRebuild;
        _index.Upsert(Published("地铁站点"));
        _index.Commit();
        _index.Dispose();

        using var reopened = new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path });

        Assert.True(neededAtFirst);
        Assert.False(neededAfterRebuild);
        Assert.False(reopened.NeedsRebuild);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public async Task An_index_written_in_an_older_format_needs_a_rebuild_after_which_the_new_analysis_finds_its_datasets()
    {
        using var folder = new TempFolder();
        var hospitals = Published("醫院名錄");
        // The previous format: same fields, analysed without traditional folding.
        using (var old = new IndexFolder(folder.Path, new CJKAnalyzer(CatalogAnalyzers.Version), 16, "old catalogue"))
        {
            old.Rebuild("1", writer => writer.AddDocument(CatalogDocumentBuilder.Build(hospitals, AnalysisStrategy.Bigrams)));
        }

        using var index = new CatalogIndex(new CatalogIndexOptions { Folder = folder.Path });
        var neededBefore = index.NeedsRebuild;
        var foundBefore = index.Searcher.Search(new CatalogQuery { Text = "医院" }).Total;
        await index.RebuildAsync([hospitals]);
        var after = index.Searcher.Search(new CatalogQuery { Text = "医院" });

        Assert.True(neededBefore);
        Assert.Equal(0, foundBefore);
        Assert.False(index.NeedsRebuild);
        Assert.Equal(hospitals.Id, Assert.Single(after.Items).Id);
        Assert.Equal("<mark>醫院</mark>名錄", after.Items[0].Highlights.Title);
    }

    [Fact]
    public void Traditional_text_in_a_dataset_is_found_by_simplified_and_mixed_queries_with_its_own_characters_marked()
    {
        _index.Upsert(Published("杭州市醫療機構名錄"));
        _index.Commit();

        var simplified = Search("医疗机构");
        var mixed = Search("醫疗機构");

        Assert.Equal(1, simplified.Total);
        Assert.Equal(1, mixed.Total);
        Assert.Equal("杭州市<mark>醫療機構</mark>名錄", simplified.Items[0].Highlights.Title);
    }

    private CatalogSearchResult Search(string text) => _index.Searcher.Search(new CatalogQuery { Text = text });

    internal static Dataset Published(string title) => new()
    {
        Title = title,
        Description = title + "的说明",
        Provider = "市交通运输局",
        Province = "浙江省",
        City = "杭州市",
        Status = DatasetStatus.Published,
        Formats = ["csv"],
        LastUpdated = TestClock.Now,
    };
}
