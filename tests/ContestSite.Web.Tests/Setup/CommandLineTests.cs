using ContestSite.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ContestSite.Web.Tests.Setup;

/// <summary>The site's executable run as an operator would: a separate process, settings from the environment.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _appData = SiteProcess.NewAppDataFolder();

    [Fact]
    public async Task Setup_runs_a_recipe_and_audit_verify_then_finds_the_chain_intact()
    {
        var env = SiteProcess.SqliteSite(_appData);

        var setup = await SiteProcess.RunAsync(env, "setup", "--recipe", "recipes/default.recipe.json");
        Assert.True(setup.ExitCode == 0, setup.Error + setup.Output);
        Assert.Contains("配方已应用", setup.Output);
        Assert.Contains("ops@test.local", setup.Output);

        var verify = await SiteProcess.RunAsync(env, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Error + verify.Output);
        Assert.Contains("审计链完好", verify.Output);
    }

    [Fact]
    public async Task Audit_verify_reports_the_first_entry_that_was_edited_in_the_database()
    {
        // A copy of the site set up once per run, set up once more: a keyed, anchored chain of at least two entries
        // (the setup's, and one per dataset the recipe publishes).
        var appData = await SetUpAsync(times: 1);
        var env = SiteProcess.SqliteSite(appData);
        Assert.True(await ChainLengthAsync(appData) >= 2);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "contestsite.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE AuditEntries SET Outcome = 'forged' WHERE Id = 1";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }
        var verify = await SiteProcess.RunAsync(env, "audit", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("entry 1", verify.Error);
        Assert.Contains("被修改", verify.Error);
    }

    [Fact]
    public async Task Audit_verify_reports_a_deleted_entry()
    {
        var appData = await SetUpAsync(times: 2);
        var env = SiteProcess.SqliteSite(appData);
        Assert.True(await ChainLengthAsync(appData) >= 3);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "contestsite.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM AuditEntries WHERE Id = 2";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }
        var verify = await SiteProcess.RunAsync(env, "audit", "verify");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("entry 3", verify.Error);
    }

    /// <summary>This test's folder: a copy of the site set up once per run (one audit entry), then set up again by the command.</summary>
    private async Task<string> SetUpAsync(int times)
    {
        (await SiteTemplate.ForAsync(TestProvider.Sqlite)).CopyTo(_appData);
        for (var i = 0; i < times; i++) Assert.Equal(0, (await SiteProcess.RunAsync(SiteProcess.SqliteSite(_appData), "setup", "--recipe", "recipes/default.recipe.json")).ExitCode);
        return _appData;
    }

    private static async Task<long> ChainLengthAsync(string appData)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(appData, "contestsite.db")};Pooling=false");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM AuditEntries";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Setup_with_a_missing_recipe_file_fails_with_a_message_and_a_non_zero_exit()
    {
        var result = await SiteProcess.RunAsync(SiteProcess.SqliteSite(_appData), "setup", "--recipe", "recipes/nope.recipe.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("找不到配方文件", result.Error);
    }

    [Fact]
    public async Task An_unknown_command_lists_the_commands_and_exits_non_zero()
    {
        var result = await SiteProcess.RunAsync(SiteProcess.SqliteSite(_appData), "audit", "erase");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("audit verify", result.Output);
    }

    [Theory]
    [InlineData("ContestSite__Database__Provider", "Mongo", "ContestSite:Database:Provider")]
    [InlineData("ContestSite__Smtp__From", "not an address", "ContestSite__Smtp__From")]
    [InlineData("ContestSite__Smtp__Security", "Maybe", "ContestSite__Smtp__Security")]
    [InlineData("ContestSite__PublicBaseUrl", "contest.example.cn", "ContestSite__PublicBaseUrl")]
    [InlineData("ContestSite__PublicBaseUrl", "https://contest.example.cn/?from=mail", "ContestSite__PublicBaseUrl")]
    [InlineData("ContestSite__PublicBaseUrl", "", "ContestSite__PublicBaseUrl is required")]
    [InlineData("ContestSite__KnownProxies", "10.0.0.5, proxy.internal", "ContestSite__KnownProxies")]
    public async Task A_bad_setting_stops_the_site_with_a_message_naming_the_setting(string key, string value, string named)
    {
        var env = SiteProcess.SqliteSite(_appData);
        env[key] = value;

        var result = await SiteProcess.RunAsync(env, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(named, result.Error);
        Assert.False(File.Exists(Path.Combine(_appData, "contestsite.db")));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_site_and_says_which_setting_is_missing()
    {
        var env = SiteProcess.SqliteSite(_appData);
        env["ContestSite__Database__Provider"] = "Postgres";

        var result = await SiteProcess.RunAsync(env, "audit", "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ConnectionStrings__Postgres", result.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_appData, recursive: true); } catch (IOException) { }
    }
}
