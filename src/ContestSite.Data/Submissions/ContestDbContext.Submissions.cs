using ContestSite.Core.Catalog;
using ContestSite.Core.Contests;
using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionVersion> SubmissionVersions => Set<SubmissionVersion>();
    public DbSet<SubmissionFile> SubmissionFiles => Set<SubmissionFile>();
    public DbSet<SubmissionDataset> SubmissionDatasets => Set<SubmissionDataset>();
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.FinalisedByUserId).HasMaxLength(450);
        submission.Property(s => s.Concurrency).IsConcurrencyToken();
        submission.Ignore(s => s.IsFinalised);
        // One entry per team and round, even when two members save the first version at once.
        submission.HasIndex(s => new { s.TeamId, s.RoundId }).IsUnique();
        submission.HasIndex(s => new { s.RoundId, s.TrackId, s.Status });
        submission.HasOne<Contest>().WithMany().HasForeignKey(s => s.ContestId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<Round>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<Track>().WithMany().HasForeignKey(s => s.TrackId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        submission.HasMany(s => s.Versions).WithOne().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionVersionConfiguration : IEntityTypeConfiguration<SubmissionVersion>
{
    public void Configure(EntityTypeBuilder<SubmissionVersion> version)
    {
        version.Property(v => v.Title).HasMaxLength(100);
        version.Property(v => v.Pitch).HasMaxLength(200);
        version.Property(v => v.Description).HasMaxLength(20000);
        version.Property(v => v.Category).HasMaxLength(50);
        version.Property(v => v.DemoUrl).HasMaxLength(500);
        version.Property(v => v.VideoUrl).HasMaxLength(500);
        version.Property(v => v.SavedByUserId).HasMaxLength(450);
        version.HasIndex(v => new { v.SubmissionId, v.Number }).IsUnique();
        version.HasOne<SiteUser>().WithMany().HasForeignKey(v => v.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        version.HasMany(v => v.Files).WithOne().HasForeignKey(f => f.VersionId).OnDelete(DeleteBehavior.Cascade);
        version.HasMany(v => v.Datasets).WithOne().HasForeignKey(d => d.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionFileConfiguration : IEntityTypeConfiguration<SubmissionFile>
{
    public void Configure(EntityTypeBuilder<SubmissionFile> file)
    {
        file.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        file.Property(f => f.FileName).HasMaxLength(255);
        file.Property(f => f.ContentType).HasMaxLength(100);
        file.Property(f => f.Sha256).HasMaxLength(64);
        file.Property(f => f.StorageKey).HasMaxLength(64);
        file.HasIndex(f => new { f.VersionId, f.Kind, f.SortOrder });
        file.HasIndex(f => f.StorageKey);
    }
}

internal sealed class SubmissionDatasetConfiguration : IEntityTypeConfiguration<SubmissionDataset>
{
    public void Configure(EntityTypeBuilder<SubmissionDataset> dataset)
    {
        dataset.HasKey(d => new { d.VersionId, d.DatasetId });
        dataset.HasOne<Dataset>().WithMany().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.Restrict);
    }
}
