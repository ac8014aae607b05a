using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<SubmissionUpload> SubmissionUploads => Set<SubmissionUpload>();
    public DbSet<SubmissionThumbnail> SubmissionThumbnails => Set<SubmissionThumbnail>();
}

internal sealed class SubmissionUploadConfiguration : IEntityTypeConfiguration<SubmissionUpload>
{
    public void Configure(EntityTypeBuilder<SubmissionUpload> upload)
    {
        upload.Property(u => u.UserId).HasMaxLength(450);
        upload.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        upload.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        upload.Property(u => u.FileName).HasMaxLength(255);
        upload.Property(u => u.ContentType).HasMaxLength(100);
        upload.Property(u => u.StorageKey).HasMaxLength(64);
        upload.Property(u => u.LeaseOwner).HasMaxLength(64);
        upload.HasIndex(u => new { u.TeamId, u.RoundId, u.Status });
        upload.HasIndex(u => new { u.Status, u.StartedAt });
        upload.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Cascade);
        upload.HasOne<Round>().WithMany().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubmissionThumbnailConfiguration : IEntityTypeConfiguration<SubmissionThumbnail>
{
    public void Configure(EntityTypeBuilder<SubmissionThumbnail> thumbnail)
    {
        thumbnail.HasKey(t => new { t.SourceKey, t.SlotWidth });
        thumbnail.Property(t => t.SourceKey).HasMaxLength(64);
        thumbnail.Property(t => t.ContentType).HasMaxLength(100);
        thumbnail.Property(t => t.StorageKey).HasMaxLength(64);
    }
}
