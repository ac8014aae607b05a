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
}
