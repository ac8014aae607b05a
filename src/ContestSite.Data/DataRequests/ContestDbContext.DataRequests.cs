using ContestSite.Core.DataRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<DataRequest> DataRequests => Set<DataRequest>();
    public DbSet<DataRequestSupport> DataRequestSupports => Set<DataRequestSupport>();
}

internal sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> request)
    {
        request.Property(r => r.Title).HasMaxLength(DataRequestRules.TitleMax);
        request.Property(r => r.Description).HasMaxLength(DataRequestRules.DescriptionMax);
        request.Property(r => r.Scenario).HasMaxLength(DataRequestRules.ShortMax);
        request.Property(r => r.SuggestedProvider).HasMaxLength(DataRequestRules.ProviderMax);
        request.Property(r => r.RoutedTo).HasMaxLength(DataRequestRules.ProviderMax);
        request.Property(r => r.Answer).HasMaxLength(DataRequestRules.AnswerMax);
        request.Property(r => r.RequesterId).HasMaxLength(450);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.HasIndex(r => new { r.State, r.CreatedAt });
        request.HasIndex(r => r.SupportCount);
        request.HasIndex(r => r.RequesterId);
        request.HasIndex(r => r.DatasetId);
    }
}

internal sealed class DataRequestSupportConfiguration : IEntityTypeConfiguration<DataRequestSupport>
{
    public void Configure(EntityTypeBuilder<DataRequestSupport> support)
    {
        support.Property(s => s.UserId).HasMaxLength(450);
        // One support per person: a double click or two racing requests cannot count twice.
        support.HasIndex(s => new { s.RequestId, s.UserId }).IsUnique();
        support.HasOne<DataRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
