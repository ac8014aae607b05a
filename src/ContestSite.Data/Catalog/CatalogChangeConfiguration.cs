using ContestSite.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data.Catalog;

internal sealed class CatalogChangeConfiguration : IEntityTypeConfiguration<CatalogChange>
{
    public void Configure(EntityTypeBuilder<CatalogChange> change)
    {
        // No foreign key to the dataset: a deletion is itself a change that must outlive the row.
        change.Property(c => c.Id).ValueGeneratedOnAdd();
        change.HasIndex(c => c.DatasetId);
    }
}

internal sealed class IndexCursorConfiguration : IEntityTypeConfiguration<IndexCursor>
{
    public void Configure(EntityTypeBuilder<IndexCursor> cursor)
    {
        cursor.HasKey(c => c.IndexName);
        cursor.Property(c => c.IndexName).HasMaxLength(100);
    }
}
