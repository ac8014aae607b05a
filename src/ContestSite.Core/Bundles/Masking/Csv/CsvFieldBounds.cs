namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>Where one field lies in its record, quotes included, and whether it was quoted.</summary>
internal readonly record struct CsvFieldBounds(int Start, int Length, bool Quoted);

/// <summary>
/// One scanned record: its length with the line break, how many fields and line breaks it holds, whether
/// a line break ended it (the last record of a file may have none), and its quoting problem if any.
/// </summary>
internal struct CsvScan
{
    public int Consumed;
    public int FieldCount;
    public int LineBreaks;
    public bool Terminated;
    public string? Error;
}
