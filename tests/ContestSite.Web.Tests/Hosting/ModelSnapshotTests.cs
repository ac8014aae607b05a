using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Tests.Hosting;

/// <summary>
/// The model and each provider's migrations agree: a change to an entity without its migration fails here. The test sites skip
/// this comparison when they migrate (it cost a tenth of a second per site started), so this is where it is made.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void The_sqlite_migrations_cover_every_change_of_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no SQLite migration makes: add one (see src/ContestSite.Data)");
    }

    [Fact]
    public void The_postgres_migrations_cover_every_change_of_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no PostgreSQL migration makes: add one (see src/ContestSite.Data)");
    }

    /// <summary>
    /// Migrations made on two branches at once can each be right and still lose a column together: SQLite rebuilds a
    /// table from the model a migration was made against, so a later-dated migration from another branch may drop what
    /// an earlier one added. Only migrating a real database shows it.
    /// </summary>
    [Fact]
    public void Migrating_an_empty_sqlite_database_makes_every_table_and_column_of_the_model()
    {
        var file = Path.Combine(Path.GetTempPath(), $"contestsite-migrated-{Guid.NewGuid():N}.db");
        try
        {
            using var db = new SqliteContestDbContext(new DbContextOptionsBuilder<SqliteContestDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options);
            db.Database.Migrate();
            var missing = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null))
            {
                var table = entity.GetTableName()!;
                var columns = db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table})").ToHashSet(StringComparer.Ordinal);
                var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
                foreach (var property in entity.GetProperties())
                    if (property.GetColumnName(store) is { } column && !columns.Contains(column)) missing.Add($"{table}.{column}");
            }
            Assert.True(missing.Count == 0, "columns of the model that the migrations do not make: " + string.Join(", ", missing));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
