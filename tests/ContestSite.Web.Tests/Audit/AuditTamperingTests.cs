using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using ContestSite.Core.Audit;
using ContestSite.Web.Audit;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Audit;

/// <summary>
/// Someone with write access to the database tries to change the record: edit, delete (in the middle and at
/// the end), recompute the chain, forge an entry. Each shows up in `audit verify` and on the audit page.
/// </summary>
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
        var intact = await site.VerifyOnPageAsync(client);
        Assert.Contains("审计链完好", intact.Text);
        Assert.DoesNotContain("这条记录的内容与其哈希不符", (await client.GetAsync($"/admin/audit/{entry.Id}")).Text);

        Assert.Equal(1, await site.TamperAsync($"UPDATE \"AuditEntries\" SET \"Outcome\" = 'refused' WHERE \"Id\" = {entry.Id}"));
        var (exit, output, error) = await RunVerifyCommandAsync(site);
        var page = await site.VerifyOnPageAsync(client);

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
    public async Task An_entry_deleted_in_the_middle_shows_up_as_a_gap_at_the_entry_after_it(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var deleted = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("application.decided", "application:1", "approved"));
        var after = await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.download", "bundle:1", "ok"));
        using var client = await site.OrganizerAsync();

        Assert.Equal(1, await site.TamperAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {deleted.Id}"));
        var (exit, _, error) = await RunVerifyCommandAsync(site);
        var page = await site.VerifyOnPageAsync(client);

        Assert.Equal(1, exit);
        Assert.Contains($"entry {after.Id}", error);
        Assert.Contains($"审计链在第 {after.Id} 条记录处断裂", page.Text);
        Assert.Contains($"序号不连续：第 {deleted.Id - 1} 条之后的记录被删除", page.Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite, 1)]
    [InlineData(TestProvider.Sqlite, 20)]
    [InlineData(TestProvider.Postgres, 20)]
    public async Task Deleting_the_newest_entries_is_found_by_the_anchor_outside_the_database(TestProvider provider, int deletedCount)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        using var client = await site.OrganizerAsync();
        AuditEntryAt? newest = null;
        for (var i = 0; i < 25; i++) newest = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9, i), new AuditEvent("bundle.download", $"bundle:{i}", "ok"));

        // A careful intruder also moves the head row back, so the database agrees with itself.
        var keptUpTo = newest!.Id - deletedCount;
        Assert.Equal(deletedCount, await site.TamperAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" > {keptUpTo}"));
        await site.TamperAsync($"UPDATE \"AuditChainHeads\" SET \"Sequence\" = {keptUpTo}, \"Hash\" = (SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Id\" = {keptUpTo})");
        var (exit, output, error) = await RunVerifyCommandAsync(site);
        var page = await site.VerifyOnPageAsync(client);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains($"entry {keptUpTo + 1} (TailMissing)", error);
        Assert.Contains($"链外锚点记录到第 {newest.Id} 条，数据库只到第 {keptUpTo} 条", error);
        Assert.Contains($"最新的记录被删除：链外锚点记录到第 {newest.Id} 条", page.Text);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_middle_entry_rewritten_with_the_chain_recomputed_without_the_key_is_found(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var rewritten = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("application.decided", "application:3", "refused"));
        for (var i = 0; i < 3; i++) await site.AppendAtAsync(AuditTestKit.China(10, 1, 10 + i), new AuditEvent("bundle.download", $"bundle:{i}", "ok"));

        // With a key of their own (they do not have the site's), they rewrite the entry and every later hash and the head.
        var theirKey = RandomNumberGenerator.GetBytes(32);
        await RewriteChainAsync(site, fromId: rewritten.Id, theirKey, change: e => e.Outcome = "approved");
        var (exit, _, error) = await RunVerifyCommandAsync(site);

        Assert.Equal(1, exit);
        Assert.Contains($"entry {rewritten.Id} (ContentChanged)", error);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_forged_entry_appended_with_a_plain_hash_is_found(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        var last = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "bundle:1", "ok"));
        var previous = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == last.Id));

        // The unkeyed SHA-256 of the old chain is public knowledge: anyone can compute it.
        var forged = new AuditEntry
        {
            Id = last.Id + 1, At = previous.At.AddMinutes(1), Action = "application.decided", Subject = "application:9", Outcome = "approved",
            PreviousHash = previous.Hash, Hash = "",
        };
        forged.Hash = AuditChain.ComputeHash(forged);
        await site.WithDbAsync(async db => { db.AuditEntries.Add(forged); await db.SaveChangesAsync(); return 0; });
        var (exit, _, error) = await RunVerifyCommandAsync(site);

        Assert.Equal(1, exit);
        Assert.Contains($"entry {forged.Id} (Unsigned)", error);
    }

    [Fact]
    public async Task A_chain_recomputed_with_the_stolen_key_still_disagrees_with_the_anchor()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        var rewritten = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("application.decided", "application:3", "refused"));
        await site.AppendAtAsync(AuditTestKit.China(10, 1, 10), new AuditEvent("bundle.download", "bundle:1", "ok"));

        var key = site.Services.GetRequiredService<AuditChainKeys>().Current.Bytes;
        await RewriteChainAsync(site, fromId: rewritten.Id, key, change: e => e.Outcome = "approved");
        var (exit, _, error) = await RunVerifyCommandAsync(site);

        Assert.Equal(1, exit);
        Assert.Contains($"(AnchorMismatch)", error);
    }

    [Fact]
    public async Task A_chain_written_before_keyed_hashes_keeps_verifying_and_is_continued_with_keyed_entries()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        // The database as an older version of the site left it: every entry with a plain SHA-256 and no anchor file.
        await RewriteChainAsync(site, fromId: 1, key: null, change: _ => { });
        File.Delete(site.Services.GetRequiredService<AuditFiles>().Anchor);
        var legacy = await site.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        Assert.True(legacy > 0);

        var next = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "bundle:1", "ok"));
        var (exit, output, error) = await RunVerifyCommandAsync(site);

        Assert.Equal(legacy + 1, next.Id);
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Contains($"audit chain intact: {legacy + 1} entries", output);
        Assert.NotNull(await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == next.Id).Select(e => e.KeyId).SingleAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task An_intact_chain_is_reported_with_its_count_by_the_command_and_the_page(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider, now: AuditTestKit.BeforeEntries);
        using var client = await site.OrganizerAsync();
        for (var i = 0; i < 5; i++) await site.AppendAtAsync(AuditTestKit.China(10, 1, 9 + i), new AuditEvent("bundle.issued", $"bundle:{i}", "ok"));
        var count = await site.WithDbAsync(db => db.AuditEntries.LongCountAsync());

        var (exit, output, error) = await RunVerifyCommandAsync(site);
        var page = await site.VerifyOnPageAsync(client);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains($"audit chain intact: {count} entries; anchored outside the database up to entry {count}", output);
        Assert.Contains($"审计链完好：已校验 {count} 条记录，链外锚点记录到第 {count} 条", page.Text);
        var check = await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(("audit.verify", "ok", SiteFactory.OrganizerEmail), (check.Action, check.Outcome, check.ActorName));
    }

    [Fact]
    public async Task A_check_in_progress_is_shown_with_its_progress_and_the_page_reloads_itself()
    {
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries);
        await site.WithDbAsync(async db =>
        {
            db.AuditVerificationRuns.Add(new AuditVerificationRun
            {
                Status = AuditVerificationStatus.Running, RequestedAt = AuditTestKit.BeforeEntries, UpTo = 5000, Checked = 2000,
                HeartbeatAt = AuditTestKit.BeforeEntries,
            });
            return await db.SaveChangesAsync();
        });
        using var client = await site.OrganizerAsync();

        using var response = await client.Http.GetAsync("/admin/audit");
        var page = await SiteClient.Page.ReadAsync(response);

        Assert.Contains("正在校验：已校验 2000 条，共约 5000 条", page.Text);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"3\" />", page.Html);
        Assert.Contains("<button type=\"submit\" disabled=\"disabled\">", page.Html);
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

    [Theory]
    [InlineData("k1=c2hvcnQ=", "has 5 bytes; at least 32")]
    [InlineData("k1", "is not id=base64")]
    [InlineData("k 1=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "must be up to 32 letters")]
    [InlineData("k1=not-base64!", "is not base64")]
    public void A_chain_key_setting_that_is_not_usable_stops_the_start_with_the_reason(string setting, string reason)
    {
        var result = new AuditOptionsValidator().Validate(null, new AuditOptions { ChainKeys = setting });

        Assert.True(result.Failed);
        Assert.Contains("ContestSite__Audit__ChainKeys", result.FailureMessage);
        Assert.Contains(reason, result.FailureMessage);
    }

    [Fact]
    public async Task Keys_given_in_the_setting_write_new_entries_old_ones_still_verify_and_rotating_from_the_site_is_refused()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var site = await SiteFactory.CreateAsync(now: AuditTestKit.BeforeEntries, settings: s => s["ContestSite:Audit:ChainKeys"] = $"vault-1={key}");
        var entry = await site.AppendAtAsync(AuditTestKit.China(10, 1, 9), new AuditEvent("bundle.download", "bundle:1", "ok"));
        var keyRing = site.Services.GetRequiredService<AuditFiles>().KeyRing;
        var ringBefore = File.Exists(keyRing) ? await File.ReadAllTextAsync(keyRing) : null;
        var entriesBefore = await site.WithDbAsync(db => db.AuditEntries.LongCountAsync());

        var rotated = await new AuditRotateKeyCommand().RunAsync([], site.Services, TextWriter.Null, CancellationToken.None);

        Assert.Equal("vault-1", await site.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == entry.Id).Select(e => e.KeyId).SingleAsync()));
        Assert.Null((await site.VerifyAsync()).FirstBreak);
        Assert.Equal(1, rotated);
        Assert.Equal(ringBefore, File.Exists(keyRing) ? await File.ReadAllTextAsync(keyRing) : null);
        Assert.Equal(entriesBefore, await site.WithDbAsync(db => db.AuditEntries.LongCountAsync()));
    }

    [Fact]
    public void Six_months_or_more_is_accepted_and_twelve_is_the_default()
    {
        Assert.True(new AuditOptionsValidator().Validate(null, new AuditOptions { RetentionMonths = 6 }).Succeeded);
        Assert.Equal(12, new AuditOptions().RetentionMonths);
    }

    /// <summary>
    /// Rewrites every entry from <paramref name="fromId"/> on, as an intruder with database access would: the
    /// change, then each hash recomputed in order (HMAC with <paramref name="key"/>, or plain SHA-256 without
    /// one), then the head row. The site's anchor file is not touched: the intruder cannot reach it.
    /// </summary>
    private static Task RewriteChainAsync(SiteFactory site, long fromId, byte[]? key, Action<AuditEntry> change) => site.WithDbAsync(async db =>
    {
        var entries = await db.AuditEntries.Where(e => e.Id >= fromId).OrderBy(e => e.Id).ToListAsync();
        var previous = fromId == 1 ? AuditChain.GenesisHash : await db.AuditEntries.Where(e => e.Id == fromId - 1).Select(e => e.Hash).SingleAsync();
        foreach (var entry in entries)
        {
            if (entry.Id == fromId) change(entry);
            entry.PreviousHash = previous;
            entry.KeyId = key is null ? null : entry.KeyId;
            entry.Hash = key is null ? AuditChain.ComputeHash(entry) : AuditChain.ComputeHash(entry, key);
            previous = entry.Hash;
        }
        await db.SaveChangesAsync();
        var head = await db.AuditChainHeads.SingleAsync();
        head.Hash = previous;
        return await db.SaveChangesAsync();
    });

    private static async Task<(int Exit, string Output, string Error)> RunVerifyCommandAsync(SiteFactory site)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AuditVerifyCommand.RunAsync(site.Services, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
