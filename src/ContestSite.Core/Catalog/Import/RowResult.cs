namespace ContestSite.Core.Catalog.Import;

/// <summary>One row turned into a dataset, or the reason it could not be.</summary>
internal readonly record struct RowResult(Dataset? Dataset, string? Problem)
{
    public static RowResult Ok(Dataset dataset) => new(dataset, null);

    public static RowResult Fail(string problem) => new(null, problem);
}
