using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

public class CatalogSearchRelevanceTests(RealCatalogueIndex catalogue) : IClassFixture<RealCatalogueIndex>
{
    [Fact]
    public void Searching_for_buses_lists_bus_datasets_first()
    {
        var result = catalogue.Searcher.Search(new CatalogQuery { Text = "公交", PageSize = 10 });

        Assert.True(result.Total >= 10);
        Assert.All(result.Items, hit => Assert.Contains("公交", hit.Title + hit.Description));
        Assert.All(result.Items.Take(5), hit => Assert.Contains("公交", hit.Title));
    }

    [Fact]
    public void A_two_word_query_ranks_datasets_with_both_words_above_datasets_with_one()
    {
        var items = catalogue.Searcher.Search(new CatalogQuery { Text = "公交 站点", PageSize = 100 }).Items.ToList();
        bool HasBoth(CatalogHit hit) => (hit.Title + hit.Description).Contains("公交") && (hit.Title + hit.Description).Contains("站点");

        var firstWithOne = items.FindIndex(hit => !HasBoth(hit));
        var lastWithBoth = items.FindLastIndex(HasBoth);
        Assert.True(lastWithBoth >= 0, "no dataset has both words");
        Assert.True(firstWithOne > lastWithBoth, $"a dataset with one word (#{firstWithOne}) ranks above one with both (#{lastWithBoth})");
        Assert.True(firstWithOne > 0, "datasets with only one of the words are found too");
    }

    [Fact]
    public void Title_matches_rank_above_description_only_matches()
    {
        var result = catalogue.Searcher.Search(new CatalogQuery { Text = "空气质量", PageSize = 10 });

        Assert.All(result.Items, hit => Assert.Contains("空气质量", hit.Title));
    }

    [Fact]
    public void Partial_words_are_found_through_bigrams()
    {
        var result = catalogue.Searcher.Search(new CatalogQuery { Text = "住建", PageSize = 5 });

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, hit => Assert.Contains("住建", hit.Title + hit.Description + hit.Provider));
    }

    [Fact]
    public void Matches_are_marked_and_the_rest_of_the_text_is_html_encoded()
    {
        var hit = catalogue.Searcher.Search(new CatalogQuery { Text = "公交" }).Items[0];

        Assert.Contains("<mark>公交</mark>", hit.Highlights.Title);
        Assert.DoesNotContain("<mark>", hit.Highlights.Title.Replace("<mark>公交</mark>", ""));
    }

    [Fact]
    public void Suggestions_are_titles_starting_with_what_was_typed()
    {
        var suggestions = catalogue.Searcher.Suggest("杭州市公", 5);

        Assert.NotEmpty(suggestions);
        Assert.StartsWith("杭州市公", suggestions[0].Title);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Title).Distinct().Count());
    }

    [Fact]
    public void Related_datasets_share_words_with_the_dataset_and_exclude_it()
    {
        var bus = catalogue.Datasets.First(d => d.Title.Contains("公交") && d.Title.Contains("线路"));

        var related = catalogue.Searcher.Related(bus.Id, 5);

        Assert.NotEmpty(related);
        Assert.DoesNotContain(related, hit => hit.Id == bus.Id);
        Assert.Contains(related, hit => hit.Title.Contains("公交") || hit.Title.Contains("线路"));
    }
    [Theory]
    [InlineData("醫院", "医院")]
    [InlineData("杭州市醫療機構", "杭州市医疗机构")]
    [InlineData("空氣質量", "空气质量")]
    public void Traditional_characters_find_what_the_simplified_ones_find_in_the_same_order(string traditional, string simplified)
    {
        var byTraditional = catalogue.Searcher.Search(new CatalogQuery { Text = traditional, PageSize = 10 });
        var bySimplified = catalogue.Searcher.Search(new CatalogQuery { Text = simplified, PageSize = 10 });

        Assert.NotEmpty(bySimplified.Items);
        Assert.Equal(bySimplified.Total, byTraditional.Total);
        Assert.Equal(bySimplified.Items.Select(h => h.Id), byTraditional.Items.Select(h => h.Id));
    }

    [Fact]
    public void Full_width_letters_and_traditional_characters_together_find_what_the_plain_query_finds()
    {
        var folded = catalogue.Searcher.Search(new CatalogQuery { Text = "ＡＱＩ實時", PageSize = 10 });
        var plain = catalogue.Searcher.Search(new CatalogQuery { Text = "AQI实时", PageSize = 10 });

        Assert.NotEmpty(plain.Items);
        Assert.Contains("AQI", plain.Items[0].Title);
        Assert.Equal(plain.Items.Select(h => h.Id), folded.Items.Select(h => h.Id));
    }

    [Fact]
    public void A_traditional_query_marks_the_simplified_characters_it_matched()
    {
        var hit = catalogue.Searcher.Search(new CatalogQuery { Text = "醫院" }).Items[0];

        Assert.Contains("<mark>医院</mark>", hit.Highlights.Title);
        Assert.DoesNotContain("<mark>", hit.Highlights.Title.Replace("<mark>医院</mark>", ""));
    }

    [Fact]
    public void Typeahead_accepts_traditional_characters_and_full_width_letters()
    {
        var traditional = catalogue.Searcher.Suggest("杭州市進出", 5);
        var fullWidth = catalogue.Searcher.Suggest("ＰＭ２", 5);

        Assert.NotEmpty(traditional);
        Assert.All(traditional, s => Assert.StartsWith("杭州市进出", s.Title));
        Assert.Equal(catalogue.Searcher.Suggest("杭州市进出", 5), traditional);
        Assert.NotEmpty(fullWidth);
        Assert.StartsWith("PM2", fullWidth[0].Title);
    }
}
