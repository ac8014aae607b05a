using ContestSite.Data.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Data;

/// <summary>
/// The one database of the site. It is partial: each feature adds its sets in its own folder
/// (<c>Teams/ContestDbContext.Teams.cs</c>) and its mappings as <see cref="IEntityTypeConfiguration{T}"/>.
/// Provider-specific subclasses carry the migrations of SQLite and PostgreSQL.
/// </summary>
public abstract partial class ContestDbContext(DbContextOptions options)
    : IdentityDbContext<SiteUser, SiteRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SiteUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(64);
            user.Property(u => u.PreferredCulture).HasMaxLength(10);
        });
        builder.Entity<SiteRole>(role => role.Property(r => r.Description).HasMaxLength(500));
        builder.ApplyConfigurationsFromAssembly(typeof(ContestDbContext).Assembly);
    }
}
