using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Contributions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data.Catalog;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> dataset)
    {
        dataset.Ignore(d => d.Region);
        dataset.Property(d => d.Title).HasMaxLength(500);
        dataset.Property(d => d.Description).HasMaxLength(8000);
        dataset.Property(d => d.Provider).HasMaxLength(200);
        dataset.Property(d => d.Province).HasMaxLength(50);
        dataset.Property(d => d.City).HasMaxLength(50);
        dataset.Property(d => d.District).HasMaxLength(50);
        dataset.Property(d => d.Domain).HasMaxLength(100);
        dataset.Property(d => d.Industry).HasMaxLength(100);
        dataset.Property(d => d.OpenTypeLabel).HasMaxLength(200);
        dataset.Property(d => d.UpdateFrequency).HasMaxLength(50);
        dataset.Property(d => d.Source).HasMaxLength(100);
        dataset.Property(d => d.SourceUrl).HasMaxLength(1000);
        dataset.Property(d => d.SourceKey).HasMaxLength(1200);
        dataset.Property(d => d.Tags).HasMaxLength(2000).AsSeparatedList();
        dataset.Property(d => d.Formats).HasMaxLength(500).AsSeparatedList();
        dataset.HasIndex(d => d.SourceKey).IsUnique();
        dataset.HasIndex(d => new { d.Status, d.LastUpdated });
        dataset.HasIndex(d => d.Provider);
        dataset.Property(d => d.SubmittedById).HasMaxLength(450);
        dataset.Property(d => d.LastEditedById).HasMaxLength(450);
        dataset.HasIndex(d => d.ImportId);
        dataset.Property(d => d.Licence).HasMaxLength(ContributionRules.LicenceMax);
        dataset.HasMany(d => d.Fields).WithOne().HasForeignKey(f => f.DatasetId).OnDelete(DeleteBehavior.Cascade);
        dataset.HasMany(d => d.Resources).WithOne().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DatasetContributionConfiguration : IEntityTypeConfiguration<DatasetContribution>
{
    public void Configure(EntityTypeBuilder<DatasetContribution> contribution)
    {
        contribution.HasKey(c => c.DatasetId);
        contribution.HasOne<Dataset>().WithOne().HasForeignKey<DatasetContribution>(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
        contribution.Property(c => c.ContributorId).HasMaxLength(450);
        contribution.Property(c => c.Contact).HasMaxLength(ContributionRules.ContactMax);
        // "My contributions" lists one person's, newest first.
        contribution.HasIndex(c => new { c.ContributorId, c.ContributedAt });
    }
}

internal sealed class DatasetFieldConfiguration : IEntityTypeConfiguration<DatasetField>
{
    public void Configure(EntityTypeBuilder<DatasetField> field)
    {
        field.Property(f => f.Name).HasMaxLength(200);
        field.Property(f => f.DataType).HasMaxLength(50);
        field.Property(f => f.Description).HasMaxLength(1000);
        field.HasIndex(f => new { f.DatasetId, f.SortOrder });
    }
}

internal sealed class DatasetResourceConfiguration : IEntityTypeConfiguration<DatasetResource>
{
    public void Configure(EntityTypeBuilder<DatasetResource> resource)
    {
        resource.Property(r => r.FileName).HasMaxLength(260);
        resource.Property(r => r.ContentHash).HasMaxLength(64);
        resource.Property(r => r.StorageKey).HasMaxLength(500);
        resource.Property(r => r.Format).HasMaxLength(50);
        resource.HasIndex(r => r.DatasetId);
    }
}

internal sealed class ClassificationChangeConfiguration : IEntityTypeConfiguration<ClassificationChange>
{
    public void Configure(EntityTypeBuilder<ClassificationChange> change)
    {
        change.HasOne<Dataset>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.DatasetId, c.Id });
        change.Property(c => c.OldValue).HasMaxLength(4000);
        change.Property(c => c.NewValue).HasMaxLength(4000);
        change.Property(c => c.Reason).HasMaxLength(Classification.MaxReasonLength);
        change.Property(c => c.ByUserId).HasMaxLength(450);
        change.Property(c => c.ByName).HasMaxLength(256);
    }
}

internal sealed class DatasetReviewConfiguration : IEntityTypeConfiguration<DatasetReview>
{
    public void Configure(EntityTypeBuilder<DatasetReview> review)
    {
        review.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Restrict);
        // One review per submission: of two reviewers deciding the same round at once, one is recorded.
        review.HasIndex(r => new { r.DatasetId, r.Round }).IsUnique();
        review.HasIndex(r => r.BatchId);
        review.Property(r => r.OpenTypeJustification).HasMaxLength(DatasetReviewRules.MaxTextLength);
        review.Property(r => r.ReturnReason).HasMaxLength(DatasetReviewRules.MaxTextLength);
        review.Property(r => r.SensitiveFields).HasMaxLength(4000);
        review.Property(r => r.SubmittedById).HasMaxLength(450);
        review.Property(r => r.ReviewerId).HasMaxLength(450);
        review.Property(r => r.ReviewerName).HasMaxLength(256);
    }
}
