using System.Reflection;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Tests.Architecture;

/// <summary>The host adds and maps features from one list: a feature folder cannot be forgotten in either half.</summary>
public sealed class SiteFeaturesTests
{
    /// <summary>The static <c>XxxFeature</c> classes that register a feature folder, by the folder's name.</summary>
    private static Dictionary<string, Type> FeatureClasses() =>
        typeof(SiteHost).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Feature", StringComparison.Ordinal) && t.Namespace is not null)
            .ToDictionary(t => t.Namespace!.Split('.')[^1]);

    [Fact]
    public void Every_feature_folder_with_a_registration_class_is_in_the_list_once()
    {
        var listed = SiteFeatures.All.Select(f => f.Name).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Empty(FeatureClasses().Keys.Except(listed));
        Assert.True(FeatureClasses().Count >= 15);
    }

    [Fact]
    public void A_feature_whose_registration_class_maps_endpoints_is_mapped_by_the_host()
    {
        var mapping = FeatureClasses()
            .Where(f => f.Value.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name.StartsWith("Map", StringComparison.Ordinal)))
            .Select(f => f.Key).ToList();

        Assert.NotEmpty(mapping);
        Assert.All(mapping, name => Assert.NotNull(SiteFeatures.All.Single(f => f.Name == name).Map));
    }
}
