using ContestSite.Core.Gallery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<GalleryEntry> GalleryEntries => Set<GalleryEntry>();
    public DbSet<GalleryLike> GalleryLikes => Set<GalleryLike>();
    public DbSet<GallerySettings> GallerySettings => Set<GallerySettings>();
}

internal sealed class GalleryEntryConfiguration : IEntityTypeConfiguration<GalleryEntry>
{
    public void Configure(EntityTypeBuilder<GalleryEntry> entry)
    {
        entry.Property(e => e.ShowcaseTitle).HasMaxLength(GalleryRules.MaxTitle);
        entry.Property(e => e.ShowcaseText).HasMaxLength(GalleryRules.MaxText);
        entry.Property(e => e.Domain).HasMaxLength(50);
        entry.Property(e => e.TeamDisplayName).HasMaxLength(GalleryRules.MaxTitle);
        entry.Property(e => e.MemberDisplayNames).HasMaxLength(GalleryRules.MaxNames);
        entry.Property(e => e.ConsentGivenBy).HasMaxLength(100);
        entry.Property(e => e.ConsentText).HasMaxLength(2000);
        entry.Property(e => e.ConsentRecordedByUserId).HasMaxLength(450);
        entry.Property(e => e.AwardName).HasMaxLength(100);
        entry.Property(e => e.AwardLevel).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.Ignore(e => e.MemberNames);
        // One gallery entry per submission: consent and showcase text belong to the entry, not to a version.
        entry.HasIndex(e => e.SubmissionId).IsUnique();
        entry.HasIndex(e => new { e.PublishedAt, e.Year });
    }
}

internal sealed class GalleryLikeConfiguration : IEntityTypeConfiguration<GalleryLike>
{
    public void Configure(EntityTypeBuilder<GalleryLike> like)
    {
        // The key is the rule "one like per account and entry": a second insert fails in the database too.
        like.HasKey(l => new { l.EntryId, l.UserId });
        like.Property(l => l.UserId).HasMaxLength(450);
        like.HasOne<GalleryEntry>().WithMany().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GallerySettingsConfiguration : IEntityTypeConfiguration<GallerySettings>
{
    public void Configure(EntityTypeBuilder<GallerySettings> settings) => settings.HasKey(s => s.ContestId);
}
