namespace ContestSite.Web.Catalog;

/// <summary>A block another feature adds to a dataset's public page (the applications built on it…): a partial view and its model.</summary>
[ExtensionPoint]
public sealed record DatasetPageSection(string PartialName, object Model, int Order);

/// <summary>Features that show something about a dataset on its public page.</summary>
[ExtensionPoint]
public interface IDatasetPageSectionProvider
{
    /// <summary>The section for this published dataset, or null when there is nothing to show.</summary>
    Task<DatasetPageSection?> ForDatasetAsync(Guid datasetId, CancellationToken cancellationToken);
}
