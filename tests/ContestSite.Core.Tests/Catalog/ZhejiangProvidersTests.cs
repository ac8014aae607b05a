using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>Whom a dataset counts for on the opening-performance page: Zhejiang's provincial departments and 11 cities only.</summary>
public sealed class ZhejiangProvidersTests
{
    [Fact]
    public void A_dataset_of_Zhejiang_without_a_city_counts_for_its_provider_as_a_provincial_department()
    {
        Assert.Equal(new CountedProvider(ProviderLevel.ProvincialDepartment, "省教育厅"), ZhejiangProviders.Of("浙江省", null, "省教育厅"));
        Assert.Equal(new CountedProvider(ProviderLevel.ProvincialDepartment, "杭州海关"), ZhejiangProviders.Of("浙江省", null, "杭州海关"));
    }

    [Fact]
    public void A_dataset_in_one_of_the_eleven_cities_or_of_a_bureau_named_after_one_counts_for_that_city()
    {
        Assert.Equal(new CountedProvider(ProviderLevel.City, "宁波市"), ZhejiangProviders.Of("浙江省", "宁波市", "宁波市统计局"));
        Assert.Equal(new CountedProvider(ProviderLevel.City, "杭州市"), ZhejiangProviders.Of("浙江省", null, "杭州市交通运输局"));
        Assert.Equal(11, ZhejiangProviders.Cities.Count);
    }

    [Theory]
    [InlineData("江苏省", null, "江苏省司法厅")]
    [InlineData("江苏省", null, "苏州市大数据管理局")]
    [InlineData("江苏省", "南京市", "南京市交通运输局")]
    [InlineData("上海市", null, "上海市统计局")]
    [InlineData(null, "杭州市", "杭州市交通运输局")]
    [InlineData(null, null, "省教育厅")]
    [InlineData("浙江省", "南京市", "南京市交通运输局")]
    [InlineData("浙江省", null, null)]
    [InlineData("浙江省", null, " ")]
    public void Other_provinces_unknown_cities_and_datasets_without_a_province_or_provider_count_for_nobody(string? province, string? city, string? provider) =>
        Assert.Null(ZhejiangProviders.Of(province, city, provider));
}
