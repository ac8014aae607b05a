using Npgsql;

namespace ContestSite.Web.Tests.Infrastructure;

public enum TestProvider { Sqlite, Postgres }

/// <summary>
/// A throwaway PostgreSQL database on the server that ./test.sh starts (its address is in
/// CONTESTSITE_TEST_POSTGRES). Without that server the tests that need it fail and say why.
/// </summary>
public sealed class TestPostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CONTESTSITE_TEST_POSTGRES";
    private static readonly SemaphoreSlim CopyingTemplate = new(1, 1);
    private readonly string _server;

    private TestPostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        // Pooled like the real site: a new server process per connection costs a few milliseconds on every query.
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A new database, empty or a copy of <paramref name="template"/> (which nobody may be connected to).</summary>
    public static async Task<TestPostgresDatabase> CreateAsync(string? template = null)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with ./test.sh, which starts a PostgreSQL server for them.");
        var name = "cs_test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
        // PostgreSQL refuses to copy a template that another CREATE DATABASE is copying at the same moment.
        await CopyingTemplate.WaitAsync();
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            CopyingTemplate.Release();
        }
        return new TestPostgresDatabase(server, name);
    }

    /// <summary>Closes the idle pooled connections to this database (a template must have none when it is copied).</summary>
    public void ClosePooledConnections()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public async ValueTask DisposeAsync()
    {
        ClosePooledConnections();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
