using ContestSite.Core.Catalog;
using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

public class CatalogFacetTests(RealCatalogueIndex catalogue) : IClassFixture<RealCatalogueIndex>
{
    private static readonly CatalogQuery Filtered = new()
    {
        Regions = ["上海市", "江苏省"],
        OpenTypes = [nameof(OpenType.Unconditional)],
        Formats = ["csv"],
        FacetLimit = int.MaxValue,
    };

    [Fact]
    public void Without_text_or_filters_facet_counts_equal_a_group_by_over_the_whole_catalogue()
    {
        var result = catalogue.Searcher.Search(new CatalogQuery { FacetLimit = int.MaxValue });

        Assert.Equal(catalogue.Datasets.Count, result.Total);
        foreach (var facet in FacetNames.All)
        {
            Assert.Equal(GroupBy(catalogue.Datasets, facet), AsDictionary(result.Facets[facet]));
        }
    }

    [Fact]
    public void With_filters_each_facet_counts_the_datasets_passing_every_other_filter()
    {
        var filters = Filtered.Filters();
        var result = catalogue.Searcher.Search(Filtered);

        Assert.Equal(catalogue.Datasets.Count(d => PassesAll(d, filters, except: null)), result.Total);
        foreach (var facet in FacetNames.All)
        {
            var expected = GroupBy(catalogue.Datasets.Where(d => PassesAll(d, filters, except: facet)), facet);
            Assert.Equal(expected, AsDictionary(result.Facets[facet]));
        }
    }

    [Fact]
    public void With_text_and_filters_the_total_equals_the_matches_of_the_text_that_pass_the_filters()
    {
        var matchingText = catalogue.Searcher.Search(new CatalogQuery { Text = "企业", PageSize = 100, FacetLimit = int.MaxValue });
        var filtered = catalogue.Searcher.Search(Filtered with { Text = "企业" });

        var region = AsDictionary(filtered.Facets[FacetNames.Region]);
        Assert.True(filtered.Total < matchingText.Total);
        Assert.Equal(filtered.Total, filtered.Facets[FacetNames.OpenType].Where(v => v.Value == nameof(OpenType.Unconditional)).Sum(v => v.Count));
        Assert.Equal(filtered.Total, region.GetValueOrDefault("上海市") + region.GetValueOrDefault("江苏省"));
    }

    [Fact]
    public void Repeated_values_of_one_filter_widen_the_result_and_filters_on_two_fields_narrow_it()
    {
        int Total(CatalogQuery q) => catalogue.Searcher.Search(q).Total;

        var shanghai = Total(new CatalogQuery { Regions = ["上海市"] });
        var both = Total(new CatalogQuery { Regions = ["上海市", "江苏省"] });
        var shanghaiRestricted = Total(new CatalogQuery { Regions = ["上海市"], OpenTypes = [nameof(OpenType.Restricted)] });

        Assert.Equal(catalogue.Datasets.Count(d => d.Region is "上海市" or "江苏省"), both);
        Assert.True(both > shanghai);
        Assert.Equal(catalogue.Datasets.Count(d => d.Region == "上海市" && d.OpenType == OpenType.Restricted), shanghaiRestricted);
    }

    private static bool PassesAll(Dataset dataset, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, string? except) =>
        filters.Where(f => f.Key != except).All(f => CatalogFacetValues.Of(dataset, f.Key).Any(f.Value.Contains));

    private static Dictionary<string, int> GroupBy(IEnumerable<Dataset> datasets, string facet) =>
        datasets.SelectMany(d => CatalogFacetValues.Of(d, facet)).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> AsDictionary(IReadOnlyList<FacetValue> values) => values.ToDictionary(v => v.Value, v => v.Count);
}
