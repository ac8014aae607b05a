using ContestSite.Core.Catalog;
using ContestSite.Core.Catalog.Contributions;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetField> DatasetFields => Set<DatasetField>();
    public DbSet<DatasetResource> DatasetResources => Set<DatasetResource>();
    public DbSet<CatalogChange> CatalogChanges => Set<CatalogChange>();
    public DbSet<IndexCursor> IndexCursors => Set<IndexCursor>();
    public DbSet<ClassificationChange> ClassificationChanges => Set<ClassificationChange>();
    public DbSet<DatasetReview> DatasetReviews => Set<DatasetReview>();
    public DbSet<DatasetContribution> DatasetContributions => Set<DatasetContribution>();
}
