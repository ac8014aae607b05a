using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

public sealed class IndexFollowerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CatalogIndex _index;
    private readonly InMemoryChangeSource _source = new();
    private readonly IndexFollower _follower;

    public IndexFollowerTests()
    {
        _index = new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path });
        _follower = new IndexFollower(_index, _source, TimeProvider.System);
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Changes_after_the_cursor_are_applied_in_order_and_the_cursor_advances()
    {
        var bus = CatalogIndexTests.Published("公交线路");
        var metro = CatalogIndexTests.Published("地铁站点");
        _source.Save(bus, TestClock.Now);
        _source.Save(metro, TestClock.Now);
        _source.Remove(metro.Id, TestClock.Now);

        var applied = await _follower.RunOnceAsync();

        Assert.Equal(3, applied);
        Assert.Equal(3, _source.Cursor);
        Assert.Equal(1, _index.Count);
        Assert.Equal(0, await _follower.RunOnceAsync());
    }

    [Fact]
    public async Task A_crash_between_index_commit_and_cursor_save_reapplies_the_same_changes_without_duplicates()
    {
        var bus = CatalogIndexTests.Published("公交线路");
        _source.Save(bus, TestClock.Now);
        bus.Title = "公交站点";
        _source.Save(bus, TestClock.Now);
        _source.CrashOnNextCursorSave = true;

        await Assert.ThrowsAsync<IOException>(() => _follower.RunOnceAsync());
        Assert.Equal(0, _source.Cursor);
        Assert.Equal(1, _index.Count);

        Assert.Equal(2, await _follower.RunOnceAsync());
        Assert.Equal(2, _source.Cursor);
        Assert.Equal(1, _index.Count);
        Assert.Equal("公交站点", Assert.Single(_index.Searcher.Search(new CatalogQuery { Text = "公交" }).Items).Title);
    }

    [Fact]
    public void The_cursor_stops_before_a_recent_gap_in_change_ids_so_a_late_transaction_is_not_skipped()
    {
        var now = TestClock.Now;

        var settled = IndexFollower.SettledCursor(4, [(5, now), (7, now)], now);

        Assert.Equal(5, settled);
    }

    [Fact]
    public void The_cursor_passes_a_gap_once_the_change_after_it_is_older_than_the_settle_time()
    {
        var now = TestClock.Now;
        var old = now - IndexFollower.SettleTime - TimeSpan.FromSeconds(1);

        var settled = IndexFollower.SettledCursor(4, [(5, old), (7, old), (8, now)], now);

        Assert.Equal(8, settled);
    }
}
