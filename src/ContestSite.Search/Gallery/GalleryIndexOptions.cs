namespace ContestSite.Search.Gallery;

/// <summary>Where the gallery index lives and how it analyses Chinese: the catalogue's analysis, in a folder of its own.</summary>
public sealed class GalleryIndexOptions
{
    /// <summary>The index folder, e.g. App_Data/index/gallery; created when missing. One writer per folder.</summary>
    public required string Folder { get; init; }

    /// <summary>The catalogue's choice (see <see cref="CatalogIndexOptions.Strategy"/>): the same words find the same things in both.</summary>
    public AnalysisStrategy Strategy { get; init; } = AnalysisStrategy.Combined;

    /// <summary>The gallery holds hundreds of entries, not tens of thousands of datasets: a small buffer is plenty.</summary>
    public double RamBufferMb { get; init; } = 8;
}
