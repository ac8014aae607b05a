using ContestSite.Core.Tests.Catalog;
using ContestSite.Search.Gallery;

namespace ContestSite.Core.Tests.Gallery;

public sealed class GalleryIndexFollowerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly GalleryIndex _index;
    private readonly InMemoryGalleryEntries _entries = new();
    private readonly GalleryIndexFollower _follower;

    public GalleryIndexFollowerTests()
    {
        _index = new GalleryIndex(new GalleryIndexOptions { Folder = _folder.Path });
        _follower = new GalleryIndexFollower(_index, _entries);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    private IReadOnlyList<int> Ids(string? text) => _index.Searcher.Search(new GallerySearchQuery(text, null, null, null, null, 1, 100)).Ids;

    [Fact]
    public async Task A_pass_indexes_the_published_entries_and_the_next_pass_has_nothing_to_do()
    {
        _entries.Publish(1, "智慧交通出行助手");
        _entries.Publish(2, "社区养老服务地图");

        Assert.Equal(2, await _follower.RunOnceAsync());
        Assert.Equal(0, await _follower.RunOnceAsync());
        Assert.Equal(2, _index.Count);
        Assert.Equal(2, _entries.Loaded);
    }

    [Fact]
    public async Task An_index_of_an_older_format_is_emptied_when_opened_and_the_next_pass_indexes_every_entry_with_the_new_analysis()
    {
        _entries.Publish(1, "醫院導診助手");
        _entries.Publish(2, "社区养老服务地图");
        await _follower.RunOnceAsync();
        _index.Dispose();
        using (var directory = Lucene.Net.Store.FSDirectory.Open(_folder.Path))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["format"] = "0" });
            writer.Commit();
        }

        using var reopened = new GalleryIndex(new GalleryIndexOptions { Folder = _folder.Path });
        var countWhenOpened = reopened.Count;
        var indexed = await new GalleryIndexFollower(reopened, _entries).RunOnceAsync();

        Assert.Equal(0, countWhenOpened);
        Assert.Equal(2, indexed);
        Assert.Equal([1], reopened.Searcher.Search(new GallerySearchQuery("医院", null, null, null, null, 1, 100)).Ids);
    }

    [Fact]
    public async Task A_withdrawn_entry_leaves_the_index()
    {
        _entries.Publish(1, "智慧交通出行助手");
        _entries.Publish(2, "交通违法热点分析");
        await _follower.RunOnceAsync();

        _entries.Withdraw(1);

        Assert.Equal(1, await _follower.RunOnceAsync());
        Assert.Equal([2], Ids("交通"));
    }

    [Fact]
    public async Task An_edited_entry_is_found_by_its_new_title_and_no_longer_by_the_old_one()
    {
        _entries.Publish(1, "智慧交通出行助手");
        await _follower.RunOnceAsync();

        _entries.Edit(1, e => e with { Title = "城市停车诱导" });

        Assert.Equal(1, await _follower.RunOnceAsync());
        Assert.Equal([1], Ids("停车"));
        Assert.Empty(Ids("交通"));
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public async Task An_entry_withdrawn_while_a_pass_runs_is_removed_not_indexed()
    {
        _entries.Publish(1, "智慧交通出行助手");
        await _follower.RunOnceAsync();
        _entries.Edit(1, e => e with { Title = "智慧交通出行助手二代" });
        _entries.WithdrawBeforeNextLoad = 1;

        await _follower.RunOnceAsync();

        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public async Task A_new_index_folder_is_filled_from_the_database_by_one_pass()
    {
        _entries.Publish(1, "智慧交通出行助手");
        await _follower.RunOnceAsync();
        using var otherFolder = new TempFolder();
        using var otherNode = new GalleryIndex(new GalleryIndexOptions { Folder = otherFolder.Path });

        await new GalleryIndexFollower(otherNode, _entries).RunOnceAsync();

        Assert.Equal(1, otherNode.Count);
    }

    [Fact]
    public async Task More_entries_than_a_batch_are_all_indexed_in_one_pass()
    {
        var count = GalleryIndexFollower.BatchSize * 2 + 7;
        for (var id = 1; id <= count; id++)
        {
            _entries.Publish(id, $"作品{id}");
        }

        Assert.Equal(count, await _follower.RunOnceAsync());
        Assert.Equal(count, _index.Count);
        Assert.Equal(0, await _follower.RunOnceAsync());
    }

    [Fact]
    public async Task An_entry_missing_from_the_index_is_indexed_again_by_the_next_pass()
    {
        _entries.Publish(1, "智慧交通出行助手");
        await _follower.RunOnceAsync();
        _index.Delete(1);
        _index.Commit();

        Assert.Equal(1, await _follower.RunOnceAsync());
        Assert.Equal([1], Ids("交通"));
    }

    [Fact]
    public void A_second_writer_on_the_same_folder_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new GalleryIndex(new GalleryIndexOptions { Folder = _folder.Path }));
}
