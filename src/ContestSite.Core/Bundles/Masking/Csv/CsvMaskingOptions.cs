namespace ContestSite.Core.Bundles.Masking.Csv;

public sealed record CsvMaskingOptions
{
    /// <summary>A record longer than this is skipped and reported: the cap is what keeps memory flat whatever the file holds.</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>A header with more columns is refused, which bounds the per-row bookkeeping.</summary>
    public int MaxColumns { get; init; } = 2048;

    /// <summary>Excel on Chinese Windows reads a CSV without a BOM as GBK, so served files carry one.</summary>
    public bool WriteByteOrderMark { get; init; } = true;

    /// <summary>
    /// How many threads mask chunks of whole records at once; 1 masks row by row on the caller's thread.
    /// The output is the same either way; memory grows by a few chunks of twice <see cref="MaxRecordBytes"/> per worker.
    /// </summary>
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 8);
}
