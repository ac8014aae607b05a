using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContestSite.Data;

/// <summary>The SQLite flavour of the database; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteContestDbContext(DbContextOptions<SqliteContestDbContext> options) : ContestDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset or decimal; UTC ticks and doubles keep both sortable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The PostgreSQL flavour of the database; its migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresContestDbContext(DbContextOptions<PostgresContestDbContext> options) : ContestDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz takes only UTC offsets: a moment given in China time is stored as the same instant in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each flavour without starting the site.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContestDbContext>
{
    public SqliteContestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteContestDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresContestDbContext>
{
    public PostgresContestDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresContestDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
