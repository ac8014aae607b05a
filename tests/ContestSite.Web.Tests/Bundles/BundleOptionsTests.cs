using ContestSite.Web.Bundles;

namespace ContestSite.Web.Tests.Bundles;

/// <summary>Bundle settings are checked at start, with a message that names the setting.</summary>
public sealed class BundleOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_are_two_gigabytes_or_two_hundred_downloads_a_day()
    {
        var defaults = new BundleOptions();
        Assert.True(new BundleOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal(2L * 1024 * 1024 * 1024, defaults.RiskMaxBytes);
        Assert.Equal(200, defaults.RiskMaxDownloads);
        Assert.Equal(TimeSpan.FromHours(24), defaults.RiskWindow);
    }

    [Theory]
    [InlineData("c2hvcnQ=", 1, 1, "ContestSite__Bundles__MaskingKey")]
    [InlineData(null, 0, 1, "ContestSite__Bundles__RiskMaxBytes")]
    [InlineData(null, 1, 0, "ContestSite__Bundles__RiskMaxDownloads")]
    public void A_wrong_setting_fails_with_its_name(string? key, long maxBytes, int maxDownloads, string named)
    {
        var result = new BundleOptionsValidator().Validate(null, new BundleOptions { MaskingKey = key, RiskMaxBytes = maxBytes, RiskMaxDownloads = maxDownloads });
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_requests_default_to_twenty_in_the_window_and_zero_fails_with_the_settings_name()
    {
        Assert.Equal(20, new BundleOptions().RiskMaxRefused);
        var result = new BundleOptionsValidator().Validate(null, new BundleOptions { RiskMaxRefused = 0 });
        Assert.True(result.Failed);
        Assert.Contains("ContestSite__Bundles__RiskMaxRefused", result.FailureMessage, StringComparison.Ordinal);
    }
}
