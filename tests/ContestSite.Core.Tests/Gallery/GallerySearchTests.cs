using ContestSite.Core.Tests.Catalog;
using ContestSite.Search.Gallery;

namespace ContestSite.Core.Tests.Gallery;

public sealed class GallerySearchTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly GalleryIndex _index;
    private readonly InMemoryGalleryEntries _entries = new();

    public GallerySearchTests()
    {
        _index = new GalleryIndex(new GalleryIndexOptions { Folder = _folder.Path });
        _entries.Publish(1, "智慧交通出行助手", team: "西湖数据工坊", text: "为市民提供公交换乘和停车诱导服务", trackId: 1, award: "First");
        _entries.Publish(2, "社区养老服务地图", team: "银发守护队", text: "汇集养老机构和助餐点，方便老人出行", trackId: 3, domain: "民生服务");
        _entries.Publish(3, "交通违法热点分析", team: "钱塘算法组", text: "分析交通违法数据", year: 2019, trackId: 1);
        new GalleryIndexFollower(_index, _entries).RunOnceAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    private GallerySearchResult Search(string? text, int? year = null, int? track = null, string? award = null, string? domain = null,
        int page = 1, int pageSize = 24) =>
        _index.Searcher.Search(new GallerySearchQuery(text, year, track, award, domain, page, pageSize));

    private IReadOnlyList<int> Ids(string? text, int? year = null, int? track = null, string? award = null, string? domain = null) =>
        Search(text, year, track, award, domain).Ids;

    [Fact]
    public void A_word_inside_a_chinese_title_is_found_by_analysis() =>
        Assert.Contains(1, Ids("交通"));

    [Fact]
    public void Words_of_the_team_name_and_of_the_showcase_text_are_found() =>
        Assert.Equal([1], Ids("工坊 停车"));

    [Fact]
    public void A_word_no_entry_has_finds_nothing() =>
        Assert.Empty(Ids("医疗"));

    [Fact]
    public void Every_word_must_match_in_some_field() =>
        Assert.Empty(Ids("交通 养老"));

    [Fact]
    public void An_entry_with_the_word_in_its_title_comes_before_one_with_it_only_in_its_text() =>
        Assert.Equal([1, 2], Ids("出行"));

    [Fact]
    public void Without_words_the_newest_published_come_first() =>
        Assert.Equal([3, 2, 1], Ids(null));

    [Fact]
    public void Filters_combine_with_words()
    {
        Assert.Equal([1, 3], Ids("交通", track: 1).Order());
        Assert.Equal([1], Ids("交通", year: 2020));
        Assert.Equal([1], Ids("交通", award: "First"));
        Assert.Empty(Ids("交通", domain: "民生服务"));
        Assert.Equal([2], Ids("出行", domain: "民生服务"));
        Assert.Empty(Ids("交通", year: 2020, track: 3));
    }

    [Fact]
    public void A_filter_naming_a_value_that_does_not_exist_matches_nothing() =>
        Assert.Empty(Ids(null, award: "Secret"));

    [Fact]
    public void Pages_cut_the_results_and_keep_the_total()
    {
        var second = Search(null, page: 2, pageSize: 2);

        Assert.Equal(3, second.Total);
        Assert.Equal([1], second.Ids);
    }

    [Fact]
    public void A_page_beyond_the_result_window_is_empty_with_the_true_total()
    {
        var deep = Search(null, page: 1_000_000, pageSize: 100);

        Assert.Equal(3, deep.Total);
        Assert.Empty(deep.Ids);
    }

    [Fact]
    public void Page_below_one_is_the_first_page_and_page_size_is_capped() =>
        Assert.Equal(Ids(null), Search(null, page: -5, pageSize: 100_000).Ids);

    [Theory]
    [InlineData("\"交通", "交通")]
    [InlineData("(交通]", "交通")]
    [InlineData("[交通 TO 违法}", "交通 to 违法")]
    [InlineData("*交通", "交通")]
    [InlineData("交通~2", "交通 2")]
    [InlineData("\u0000交通\u0007\u001b", "交通")]
    [InlineData("+交通 -违法", "交通 违法")]
    public void Query_syntax_is_not_syntax_and_the_words_in_it_are_searched(string text, string plain) =>
        Assert.Equal(Ids(plain), Ids(text));

    [Fact]
    public void A_trailing_wildcard_is_not_a_prefix_query()
    {
        Assert.NotEmpty(Ids("交通"));
        Assert.Empty(Ids("交*"));
        Assert.Empty(Ids("交?"));
    }

    [Fact]
    public void Lucene_match_all_syntax_is_not_syntax_and_lists_everything_like_an_empty_query() =>
        Assert.Equal(Ids(null).Order(), Ids("*:*").Order());

    [Fact]
    public void Field_syntax_does_not_reach_other_fields() =>
        Assert.Empty(Ids("id:1"));

    [Fact]
    public void Ten_thousand_characters_are_cut_to_their_first_200_and_answer() =>
        Assert.Equal(Ids(new string('交', 200)), Ids(new string('交', 9_990) + "交通"));

    [Fact]
    public void A_long_query_of_repeated_words_still_finds_them() =>
        Assert.Contains(1, Ids(string.Concat(Enumerable.Repeat("交通 ", 2000))));
}
