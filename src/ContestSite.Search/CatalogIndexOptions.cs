namespace ContestSite.Search;

/// <summary>Where the index lives and how it analyses Chinese.</summary>
public sealed class CatalogIndexOptions
{
    /// <summary>The index folder, e.g. App_Data/index/catalog; created when missing. One writer per folder.</summary>
    public required string Folder { get; init; }

    /// <summary>Combined won the relevance measurement on the real catalogues (see the benchmark).</summary>
    public AnalysisStrategy Strategy { get; init; } = AnalysisStrategy.Combined;

    /// <summary>RAM buffer of the writer; larger speeds up rebuilds.</summary>
    public double RamBufferMb { get; init; } = 64;
}
