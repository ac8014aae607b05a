namespace ContestSite.Core.Catalog;

/// <summary>The two levels the plan sets yearly targets for (开放目录绩效).</summary>
public enum ProviderLevel { ProvincialDepartment, City }

/// <summary>A provider the opening-performance figures count: a provincial department by its name, or a city.</summary>
public sealed record CountedProvider(ProviderLevel Level, string Name);

/// <summary>
/// Who the province's plan (浙政办函〔2020〕52号) sets the yearly targets for: Zhejiang's provincial departments (省级部门)
/// and its 11 cities (设区市). Other provinces' catalogues are imported for search, and their departments and cities
/// count for nobody here.
/// </summary>
public static class ZhejiangProviders
{
    public const string Province = "浙江省";

    /// <summary>The 11 设区市, in the province's official order.</summary>
    public static readonly IReadOnlyList<string> Cities = ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"];

    /// <summary>
    /// Whom a dataset counts for: a dataset of 浙江省 in one of its cities counts for that city; one of 浙江省 with no city
    /// counts for its provider as a provincial department, unless the provider's name begins with a city's (a city bureau
    /// listed on the provincial portal, 杭州市交通运输局, is Hangzhou's). Anything else counts for nobody: other provinces,
    /// a city outside Zhejiang, no province, or a provincial dataset without a provider.
    /// </summary>
    public static CountedProvider? Of(string? province, string? city, string? provider)
    {
        if (province != Province) return null;
        if (city is not null) return Cities.Contains(city) ? new CountedProvider(ProviderLevel.City, city) : null;
        if (string.IsNullOrWhiteSpace(provider)) return null;
        var cityOfProvider = Cities.FirstOrDefault(c => provider.StartsWith(c, StringComparison.Ordinal));
        return cityOfProvider is not null ? new CountedProvider(ProviderLevel.City, cityOfProvider) : new CountedProvider(ProviderLevel.ProvincialDepartment, provider);
    }
}
