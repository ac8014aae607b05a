using System.Net;
using ContestSite.Web.Hosting;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ContestSite.Web.Tests.Hosting;

/// <summary>Which host names the site answers to, which peers it believes about the client, and the settings behind both.</summary>
public sealed class HostAndProxyTests
{
    [Fact]
    public async Task In_production_a_request_naming_another_host_is_refused_with_400_and_the_public_host_is_served()
    {
        var appData = await SiteProcess.NewSetUpAppDataFolderAsync();
        var environment = SiteProcess.SqliteSite(appData); // public address http://127.0.0.1
        await using var site = await RunningSite.StartAsync(environment, RunningSite.FreePort());
        using var http = new HttpClient { BaseAddress = site.Root };

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = "evil.example";
        using var refused = await http.SendAsync(forged);
        using var served = await http.GetAsync("/account/forgot-password");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.False(refused.Headers.Contains("Server"));
        Assert.False(served.Headers.Contains("Server"));
    }

    [Fact]
    public async Task In_production_a_start_without_the_public_address_stops_with_a_message_naming_the_setting()
    {
        var appData = SiteProcess.NewAppDataFolder();
        var environment = SiteProcess.SqliteSite(appData);
        environment.Remove("ContestSite__PublicBaseUrl");

        var result = await SiteProcess.RunAsync(environment);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ContestSite__PublicBaseUrl is required", result.Error);
        Assert.False(File.Exists(Path.Combine(appData, "contestsite.db")));
    }

    [Theory]
    [InlineData("contest.example.cn")]
    [InlineData("/relative/path")]
    [InlineData("ftp://contest.example.cn")]
    [InlineData("https://contest.example.cn/?from=mail")]
    [InlineData("https://contest.example.cn/#top")]
    [InlineData("https://user:secret@contest.example.cn")]
    public void A_public_address_that_is_not_a_plain_absolute_http_address_is_refused_with_the_settings_name(string address)
    {
        var result = Validate(new SiteOptions { PublicBaseUrl = address }, Environments.Development);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith("ContestSite__PublicBaseUrl must be an absolute http:// or https:// address", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://contest.example.cn", "")]
    [InlineData("http://127.0.0.1:8080/", "10.0.0.5, 172.16.0.0/12, ::1")]
    [InlineData("https://contest.example.cn/site", "fd00::/8")]
    public void A_plain_public_address_and_proxies_given_as_addresses_or_networks_are_accepted(string address, string proxies)
    {
        var result = Validate(new SiteOptions { PublicBaseUrl = address, KnownProxies = proxies }, Environments.Production);

        Assert.False(result.Failed, string.Join("; ", result.Failures ?? []));
    }

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.0/40")]
    public void A_known_proxy_that_is_neither_an_address_nor_a_network_is_refused_with_the_settings_name(string proxy)
    {
        var result = Validate(new SiteOptions { PublicBaseUrl = "https://contest.example.cn", KnownProxies = "10.0.0.5, " + proxy }, Environments.Production);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures, f => f.StartsWith("ContestSite__KnownProxies", StringComparison.Ordinal) && f.Contains(proxy, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_development_may_leave_the_public_address_unset()
    {
        Assert.False(Validate(new SiteOptions(), Environments.Development).Failed);
        Assert.True(Validate(new SiteOptions(), Environments.Staging).Failed);
        Assert.True(Validate(new SiteOptions(), Environments.Production).Failed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.5, 192.168.0.0/16")]
    public async Task A_forwarded_client_address_from_a_peer_that_is_not_a_known_proxy_is_ignored_even_from_loopback(string knownProxies)
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, settings: s => s["ContestSite:KnownProxies"] = knownProxies);
        await site.CreateUserAsync("someone@example.com");

        await ForgotPasswordForwardedForAsync(site, "203.0.113.7");

        Assert.Equal("127.0.0.1", await RecordedAddressAsync(site));
    }

    [Fact]
    public async Task A_forwarded_client_address_from_a_known_proxy_is_the_address_the_audit_records()
    {
        await using var site = await SiteFactory.CreateAsync(realPort: true, settings: s => s["ContestSite:KnownProxies"] = "127.0.0.1");
        await site.CreateUserAsync("someone@example.com");

        await ForgotPasswordForwardedForAsync(site, "203.0.113.7");

        Assert.Equal("203.0.113.7", await RecordedAddressAsync(site));
    }

    private static async Task ForgotPasswordForwardedForAsync(SiteFactory site, string clientAddress)
    {
        using var client = new SiteClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = site.RootUri });
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        var answered = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "someone@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
    }

    private static Task<string?> RecordedAddressAsync(SiteFactory site) => site.WithDbAsync(db => db.AuditEntries
        .Where(e => e.Action == "account.password-reset-requested").Select(e => e.IpAddress).SingleAsync());

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(SiteOptions options, string environmentName) =>
        new SiteOptionsValidator(new HostingEnvironment { EnvironmentName = environmentName }).Validate(null, options);
}
