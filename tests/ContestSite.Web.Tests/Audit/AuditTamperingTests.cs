using System.Net;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Audit;

/// <summary>Entries cannot be changed through the site, and a change made in the database shows up in both checks.</summary>
public sealed class AuditTamperingTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_entry_edited_in_the_database_shows_up_in_audit_verify_and_on_the_audit_page(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var entry = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "bundle:7", "ok"));
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.download", "bundle:8", "ok"));
        using var client = await site.OrganizerAsync();
        var intact = await client.PostFormAsync("/admin/audit", new Dictionary<string, string>(), "/admin/audit?handler=Verify");
        Assert.Contains("审计链完好", intact.Text);

        Assert.Equal(1, await site.TamperAsync($"UPDATE \"AuditEntries\" SET \"Outcome\" = 'refused' WHERE \"Id\" = {entry.Id}"));
        var (exit, output, error) = await RunVerifyCommandAsync(site);
        var page = await client.PostFormAsync("/admin/audit", new Dictionary<string, string>(), "/admin/audit?handler=Verify");

        Assert.Equal(1, exit);
        Assert.Contains($"entry {entry.Id}", error);
        Assert.Contains("被修改", error);
        Assert.Equal("", output);
        Assert.Contains($"审计链在第 {entry.Id} 条记录处断裂", page.Text);
        Assert.Contains("记录内容与其哈希不符（记录被修改过）", page.Text);
        Assert.Contains($"href=\"/admin/audit/{entry.Id}\"", page.Html);
        Assert.Contains("这条记录的内容与其哈希不符", (await client.GetAsync($"/admin/audit/{entry.Id}")).Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_entry_deleted_in_the_database_shows_up_as_a_broken_link_at_the_entry_after_it(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var deleted = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("application.decided", "application:1", "approved"));
        var after = await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.download", "bundle:1", "ok"));
        using var client = await site.OrganizerAsync();

        Assert.Equal(1, await site.TamperAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {deleted.Id}"));
        var (exit, _, error) = await RunVerifyCommandAsync(site);
        var page = await client.PostFormAsync("/admin/audit", new Dictionary<string, string>(), "/admin/audit?handler=Verify");

        Assert.Equal(1, exit);
        Assert.Contains($"entry {after.Id}", error);
        Assert.Contains($"审计链在第 {after.Id} 条记录处断裂", page.Text);
        Assert.Contains($"前序哈希与第 {deleted.Id - 1} 条记录不符", page.Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_intact_chain_is_reported_with_its_count_by_the_command_and_the_page(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        for (var i = 0; i < 5; i++) await site.AppendAtAsync(AuditTestKit.China(10, 1, 9 + i), new AuditEvent("bundle.issued", $"bundle:{i}", "ok"));
        var count = await site.WithDbAsync(db => db.AuditEntries.LongCountAsync());

        var (exit, output, error) = await RunVerifyCommandAsync(site);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains($"audit chain intact: {count} entries", output);
    }

    [Fact]
    public async Task No_http_method_changes_an_entry_and_the_chain_still_verifies()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        var entry = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "bundle:7", "ok"));
        using var client = await site.OrganizerAsync();
        var token = (await client.GetAsync("/admin/audit")).AntiforgeryToken!;
        var before = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Outcome"] = "refused", ["Entry.Outcome"] = "refused" };

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var url in new[] { $"/admin/audit/{entry.Id}", $"/admin/audit/{entry.Id}?handler=Delete", $"/admin/audit/{entry.Id}?handler=Edit" })
            {
                using var request = new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(fields) };
                using var response = await client.Http.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {url} answered {response.StatusCode}");
            }
        }
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, "/admin/audit") { Content = new FormUrlEncodedContent(fields) };
            using var response = await client.Http.SendAsync(request);
            Assert.False(response.IsSuccessStatusCode, $"{method} /admin/audit answered {response.StatusCode}");
        }

        var after = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(before.Outcome, after.Outcome);
        Assert.Equal(before.Hash, after.Hash);
        Assert.Null((await site.VerifyAsync()).FirstBreak);
    }

    [Fact]
    public void A_retention_shorter_than_six_months_is_refused_with_a_message_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ContestSite:Audit:RetentionMonths"] = "3" }).Build());
        services.AddAudit();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuditOptions>>().Value);

        Assert.Contains("ContestSite__Audit__RetentionMonths must be at least 6", error.Message);
        Assert.Contains("was 3", error.Message);
    }

    [Fact]
    public void Six_months_or_more_is_accepted_and_twelve_is_the_default()
    {
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions { RetentionMonths = 6 }).Succeeded);
        Assert.Equal(12, new AuditOptions().RetentionMonths);
    }

    private static async Task<(int Exit, string Output, string Error)> RunVerifyCommandAsync(SiteFactory site)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AuditVerifyCommand.RunAsync(site.Services, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
