namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Where a buffer of the file body may be cut so that both parts hold whole records exactly as the
/// one-thread scan would find them. Without any quote, every line feed ends a record (a vectorised search
/// finds the last one); with quotes, the records are scanned with the same scanner to find the last end.
/// </summary>
internal static class CsvChunkCutter
{
    /// <summary>The length of the longest prefix made of whole records; 0 when not even one record is complete.</summary>
    public static int Cut(ReadOnlySpan<byte> data)
    {
        var lastLineFeed = data.LastIndexOf((byte)'\n');
        if (lastLineFeed >= 0 && !data[..lastLineFeed].Contains((byte)'"')) return lastLineFeed + 1;
        var end = 0;
        while (CsvRecordScanner.TryScan(data[end..], final: false, [], out var scan)) end += scan.Consumed;
        return end;
    }
}
