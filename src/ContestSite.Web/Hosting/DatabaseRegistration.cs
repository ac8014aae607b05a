using ContestSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Hosting;

public static class DatabaseRegistration
{
    public static IServiceCollection AddSiteDatabase(this IServiceCollection services, IConfiguration configuration, SiteOptions options, AppDataPaths paths)
    {
        services.AddSingleton<AfterCommit>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<AfterCommit>());
        if (options.Database.Provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings__Postgres must be set when ContestSite__Database__Provider is Postgres.");
            services.AddDbContext<ContestDbContext, PostgresContestDbContext>((sp, db) => db.UseNpgsql(connectionString).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        else
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(paths.Root, options.Database.SqliteFileName),
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
            services.AddSingleton<SqliteWriteGate>();
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<SqliteWriteGate>());
            // SQLite rebuilds a table to change it, between PRAGMA foreign_keys = 0 and = 1, which SQLite ignores inside a transaction:
            // EF Core runs them outside it and warns on every fresh database. The rebuilds are EF Core's own and complete, so that
            // one warning is silenced here (only for SQLite; every other migration warning still shows).
            services.AddDbContext<ContestDbContext, SqliteContestDbContext>((sp, db) => db.UseSqlite(connectionString)
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning))
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        }
        return services;
    }
}

/// <summary>The schema brought up to date, at the first start (setup) and before a command runs.</summary>
[ExtensionPoint]
public static class DatabaseMigration
{
    /// <summary>Brings the schema up to date; on SQLite also turns on write-ahead logging.</summary>
    public static async Task MigrateAsync(ContestDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
