using ContestSite.Core.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<OrganizerDigest> OrganizerDigests => Set<OrganizerDigest>();
}

internal sealed class OrganizerDigestConfiguration : IEntityTypeConfiguration<OrganizerDigest>
{
    public void Configure(EntityTypeBuilder<OrganizerDigest> digest)
    {
        digest.HasIndex(d => d.Period).IsUnique();
        digest.Property(d => d.CountsJson).HasMaxLength(4000);
    }
}
