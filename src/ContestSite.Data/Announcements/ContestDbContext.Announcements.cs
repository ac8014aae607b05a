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

public static class AnnouncementQueries
{
    /// <summary>What the public may read at <paramref name="now"/>: published, and its publish time has come.</summary>
    public static IQueryable<Announcement> VisibleAt(this IQueryable<Announcement> announcements, DateTimeOffset now) =>
        announcements.Where(a => a.PublishAt != null && a.PublishAt <= now);

    /// <summary>Pinned first, then newest first: the order of every public list.</summary>
    public static IQueryable<Announcement> NewestPinnedFirst(this IQueryable<Announcement> announcements) =>
        announcements.OrderByDescending(a => a.Pinned).ThenByDescending(a => a.PublishAt);
}
