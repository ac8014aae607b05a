using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

public class CatalogBadInputTests(RealCatalogueIndex catalogue) : IClassFixture<RealCatalogueIndex>
{
    private CatalogSearchResult Search(CatalogQuery query) => catalogue.Searcher.Search(query);

    [Fact]
    public void Query_with_unbalanced_quotes_returns_results_without_error() =>
        Assert.True(Search(new CatalogQuery { Text = "\"公交 线路" }).Total > 0);

    [Fact]
    public void Query_with_unbalanced_brackets_returns_results_without_error() =>
        Assert.True(Search(new CatalogQuery { Text = "公交 (线路]" }).Total > 0);

    [Fact]
    public void Query_of_lucene_match_all_syntax_is_not_syntax_and_lists_everything_like_an_empty_query() =>
        Assert.Equal(catalogue.Datasets.Count, Search(new CatalogQuery { Text = "*:*" }).Total);

    [Fact]
    public void Query_with_a_leading_wildcard_searches_the_word_after_it() =>
        Assert.Equal(Search(new CatalogQuery { Text = "公交" }).Total, Search(new CatalogQuery { Text = "*公交" }).Total);

    [Fact]
    public void Query_with_field_syntax_does_not_reach_other_fields()
    {
        var result = Search(new CatalogQuery { Text = "id:公交 AND title:公交" });

        Assert.Equal(Search(new CatalogQuery { Text = "id 公交 and title" }).Total, result.Total);
    }

    [Fact]
    public void Query_with_control_characters_is_searched_without_them() =>
        Assert.Equal(Search(new CatalogQuery { Text = "公交" }).Total, Search(new CatalogQuery { Text = "\u0000公交\u0007\u001b" }).Total);

    [Fact]
    public void Query_of_ten_thousand_characters_is_truncated_and_answers()
    {
        var result = Search(new CatalogQuery { Text = string.Concat(Enumerable.Repeat("公交线路 ", 2000)) });

        Assert.True(result.Total > 0);
    }

    [Fact]
    public void Query_of_ten_thousand_characters_without_spaces_is_cut_to_its_first_200() =>
        Assert.Equal(
            Search(new CatalogQuery { Text = new string('公', 200) }).Total,
            Search(new CatalogQuery { Text = new string('公', 9_990) + "交通违法" }).Total);

    [Fact]
    public void Page_below_one_is_the_first_page()
    {
        var result = Search(new CatalogQuery { Text = "公交", Page = -1 });

        Assert.Equal(1, result.Page);
        Assert.Equal(Search(new CatalogQuery { Text = "公交" }).Items.Select(i => i.Id), result.Items.Select(i => i.Id));
    }

    [Fact]
    public void Page_size_above_the_cap_is_capped_at_100()
    {
        var result = Search(new CatalogQuery { PageSize = 100_000 });

        Assert.Equal(CatalogQuery.MaxPageSize, result.PageSize);
        Assert.Equal(CatalogQuery.MaxPageSize, result.Items.Count);
    }

    [Fact]
    public void A_page_beyond_the_result_window_is_empty_with_the_true_total()
    {
        var result = Search(new CatalogQuery { Page = int.MaxValue, PageSize = 100 });

        Assert.Empty(result.Items);
        Assert.Equal(catalogue.Datasets.Count, result.Total);
    }

    [Fact]
    public void Filter_naming_a_value_that_does_not_exist_matches_nothing_and_keeps_the_value_in_its_facet()
    {
        var result = Search(new CatalogQuery { Providers = ["不存在的单位"] });

        Assert.Equal(0, result.Total);
        Assert.Contains(result.Facets[FacetNames.Provider], v => v.Value == "不存在的单位" && v.Count == 0);
    }

    [Theory]
    [InlineData("nonsense", CatalogSort.Relevance)]
    [InlineData(null, CatalogSort.Relevance)]
    [InlineData("Downloads", CatalogSort.Downloads)]
    [InlineData("updated", CatalogSort.Updated)]
    public void Unknown_sort_names_sort_by_relevance(string? name, CatalogSort expected) =>
        Assert.Equal(expected, CatalogSortNames.Parse(name));

    [Fact]
    public void Sorting_by_downloads_lists_the_most_downloaded_first()
    {
        var ids = Search(new CatalogQuery { Text = "公交", Sort = CatalogSort.Downloads, PageSize = 20 }).Items.Select(i => i.Id).ToList();
        var downloads = ids.Select(id => catalogue.Datasets.First(d => d.Id == id).DownloadCount).ToList();

        Assert.Equal(downloads.OrderDescending(), downloads);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\u0000\u0001")]
    public void Suggest_with_nothing_searchable_returns_no_suggestions_without_error(string typed) =>
        Assert.Empty(catalogue.Searcher.Suggest(typed));
}
