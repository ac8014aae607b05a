namespace ContestSite.Core.Bundles.Masking;

/// <summary>
/// What masking one file did, for the bundle manifest: rows read, written and skipped (with where and
/// why, the first <see cref="MaxListedSkippedRows"/> of them), and the rule each column got. When
/// <see cref="FatalError"/> is set the output must be thrown away: nothing in it may be served.
/// </summary>
public sealed class MaskingReport
{
    public const int MaxListedSkippedRows = 1000;

    private readonly List<SkippedRow> skippedRows = [];
    private readonly List<ColumnOutcome> columns = [];

    public string? FatalError { get; private set; }
    public bool Succeeded => FatalError is null;
    public long RowsIn { get; internal set; }
    public long RowsOut { get; internal set; }
    public long RowsSkipped { get; private set; }
    public IReadOnlyList<SkippedRow> SkippedRows => skippedRows;
    public IReadOnlyList<ColumnOutcome> Columns => columns;

    internal static MaskingReport Failed(string error) => new() { FatalError = error };

    internal MaskingReport Fail(string error)
    {
        FatalError = error;
        return this;
    }

    internal void Skip(SkippedRow row)
    {
        RowsSkipped++;
        // The count stays exact; the list is capped so a file of garbage cannot fill memory with reasons.
        if (skippedRows.Count < MaxListedSkippedRows) skippedRows.Add(row);
    }

    internal void AddColumn(ColumnOutcome column) => columns.Add(column);

    /// <summary>Adds the counts and skipped rows of one chunk masked apart, whose lines were counted from <paramref name="firstLine"/> = 0.</summary>
    internal void Absorb(MaskingReport part, long firstLine)
    {
        RowsIn += part.RowsIn;
        RowsOut += part.RowsOut;
        foreach (var row in part.SkippedRows) Skip(row with { Line = row.Line + firstLine, LastLine = row.LastLine + firstLine });
        // Rows the part counted but did not list (over its own cap) still count here.
        RowsSkipped += part.RowsSkipped - part.SkippedRows.Count;
    }
}

/// <summary>A record left out of the output: the line it starts on, its last line, its byte offset (CSV) and why.</summary>
public sealed record SkippedRow(long Line, long LastLine, long ByteOffset, string Reason);

/// <summary>One column of the file (of one sheet for XLSX) and the rule it got.</summary>
public sealed record ColumnOutcome(string? Sheet, int Index, string ColumnName, string Rule, bool Served, string? Reason);
