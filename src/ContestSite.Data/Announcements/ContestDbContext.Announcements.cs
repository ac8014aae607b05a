using ContestSite.Core.Announcements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<AnnouncementAttachment> AnnouncementAttachments => Set<AnnouncementAttachment>();
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> announcement)
    {
        announcement.Property(a => a.Title).HasMaxLength(200);
        announcement.Property(a => a.Category).HasMaxLength(20);
        announcement.Property(a => a.AuthorId).HasMaxLength(450);
        announcement.Property(a => a.Audience).HasConversion<string>().HasMaxLength(20);
        announcement.Property(a => a.Version).IsConcurrencyToken();
        announcement.HasMany(a => a.Attachments).WithOne().HasForeignKey(f => f.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        announcement.HasIndex(a => new { a.Pinned, a.PublishAt });
        announcement.HasIndex(a => new { a.Category, a.PublishAt });
        announcement.HasIndex(a => new { a.EmailQueuedAt, a.PublishAt });
    }
}

internal sealed class AnnouncementAttachmentConfiguration : IEntityTypeConfiguration<AnnouncementAttachment>
{
    public void Configure(EntityTypeBuilder<AnnouncementAttachment> attachment)
    {
        attachment.Property(f => f.FileName).HasMaxLength(200);
        attachment.Property(f => f.ContentType).HasMaxLength(100);
        attachment.Property(f => f.StorageKey).HasMaxLength(64);
    }
}

public static class AnnouncementQueries
{
    /// <summary>What the public may read at <paramref name="now"/>: published, and its publish time has come.</summary>
    public static IQueryable<Announcement> VisibleAt(this IQueryable<Announcement> announcements, DateTimeOffset now) =>
        announcements.Where(a => a.PublishAt != null && a.PublishAt <= now);

    /// <summary>Pinned first, then newest first: the order of every public list.</summary>
    public static IQueryable<Announcement> NewestPinnedFirst(this IQueryable<Announcement> announcements) =>
        announcements.OrderByDescending(a => a.Pinned).ThenByDescending(a => a.PublishAt).ThenByDescending(a => a.Id);

    /// <summary>Visible announcements whose audience has not been emailed yet.</summary>
    public static IQueryable<Announcement> EmailDueAt(this IQueryable<Announcement> announcements, DateTimeOffset now) =>
        announcements.VisibleAt(now).Where(a => a.Audience != AnnouncementAudience.None && a.EmailQueuedAt == null);
}
