using ContestSite.Web.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Submissions;

public sealed class UploadSettingsTests
{
    [Theory]
    [InlineData("00:00:04")]
    [InlineData("00:10:01")]
    public void A_writer_lease_outside_five_seconds_to_ten_minutes_stops_the_site_with_the_settings_name(string lease)
    {
        var error = Assert.Throws<OptionsValidationException>(() => OptionsWith(lease));

        Assert.Contains(nameof(SubmissionUploadOptions.WriterLease), error.Message);
    }

    [Fact]
    public void The_writer_lease_is_fifteen_seconds_unless_set()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), OptionsWith(null).WriterLease);
    }

    private static SubmissionUploadOptions OptionsWith(string? lease)
    {
        var settings = new Dictionary<string, string?>();
        if (lease is not null) settings[$"{SubmissionUploadOptions.Section}:WriterLease"] = lease;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSubmissions(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SubmissionUploadOptions>>().Value;
    }
}
