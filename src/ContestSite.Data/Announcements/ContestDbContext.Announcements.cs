using ContestSite.Core.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Announcement> Announcements => Set<Announcement>();
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> announcement)
    {
        announcement.Property(a => a.Title).HasMaxLength(200);
        announcement.Property(a => a.Category).HasMaxLength(20);
        announcement.Property(a => a.AuthorId).HasMaxLength(450);
        announcement.HasIndex(a => new { a.Pinned, a.PublishAt });
    }
}
