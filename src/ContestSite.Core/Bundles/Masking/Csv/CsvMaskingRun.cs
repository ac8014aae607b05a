using ContestSite.Core.Text;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// The synchronous heart of <see cref="CsvMasker"/>: masks every complete record in the input window into
/// the output buffer, and says what it needs next (more input, room in the output) so that the async
/// caller does the waiting. Spans cannot live across awaits, which is why the loop is split this way.
/// </summary>
internal sealed class CsvMaskingRun(CsvInputWindow window, CsvOutputBuffer output, CsvRowWriter writer, int columnCount, MaskingReport report, long firstLine)
{
    public enum Need { MoreInput, OutputFlush, Nothing }

    private readonly CsvFieldBounds[] fields = new CsvFieldBounds[columnCount + 1];

    // Input offsets up to which the bytes are known to be valid UTF-8, and after which a bulk check may be tried again.
    private long validUntil;
    private long bulkCheckAfter;

    /// <summary>The line the next record starts on (1-based, counting line breaks inside quoted fields).</summary>
    public long Line { get; private set; } = firstLine;

    public Need MaskPendingRecords()
    {
        while (true)
        {
            var pending = window.Pending;
            if (pending.IsEmpty) return window.IsFinal ? Need.Nothing : Need.MoreInput;
            if (!CsvRecordScanner.TryScan(pending, window.IsFinal, fields, out var scan)) return Need.MoreInput;
            var record = pending[..scan.Consumed];
            if (!IsBlank(record, scan))
            {
                if (output.Length > 0 && output.FreeBytes < writer.WorstCaseBytes(scan.Consumed)) return Need.OutputFlush;
                MaskRecord(record, scan);
            }
            Line += scan.LineBreaks;
            window.Consume(scan.Consumed);
            if (output.ShouldFlush) return Need.OutputFlush;
        }
    }

    /// <summary>Reports the record at the window's start, longer than the cap, once the skipper has passed it.</summary>
    public void ReportOversized(long offset, int lineBreaks, bool terminated, int maxRecordBytes)
    {
        report.RowsIn++;
        report.Skip(new SkippedRow(Line, Line + lineBreaks - (terminated ? 1 : 0), offset, $"记录超过 {maxRecordBytes / 1024} KB 的上限"));
        Line += lineBreaks;
    }

    public static bool IsBlank(ReadOnlySpan<byte> record, CsvScan scan) =>
        scan.FieldCount == 1 && record.TrimEnd("\r\n"u8).IsEmpty;

    private void MaskRecord(ReadOnlySpan<byte> record, CsvScan scan)
    {
        report.RowsIn++;
        var problem = scan.Error
            ?? (scan.FieldCount != columnCount ? $"有 {scan.FieldCount} 列，表头有 {columnCount} 列" : null)
            ?? (IsValidUtf8(record) ? null : "不是有效的 UTF-8 文本");
        if (problem is not null)
        {
            report.Skip(new SkippedRow(Line, Line + scan.LineBreaks - (scan.Terminated ? 1 : 0), window.Offset, problem));
            return;
        }
        writer.Write(record, fields.AsSpan(0, columnCount), output);
        report.RowsOut++;
    }

    /// <summary>
    /// Checks the record, usually as part of one check of every complete line in the window: a sequence
    /// cannot span an ASCII byte, so text cut after a line feed is valid exactly when each piece is, and
    /// one long check costs far less than a short one per record. An invalid stretch falls back to per-record checks.
    /// </summary>
    private bool IsValidUtf8(ReadOnlySpan<byte> record)
    {
        var start = window.Offset;
        if (start + record.Length <= validUntil) return true;
        if (start >= bulkCheckAfter)
        {
            var pending = window.Pending;
            var lines = pending.LastIndexOf((byte)'\n') + 1;
            if (lines >= record.Length)
            {
                if (Utf8Validator.IsValid(pending[..lines]))
                {
                    validUntil = start + lines;
                    return true;
                }
                bulkCheckAfter = start + lines;
            }
        }
        return Utf8Validator.IsValid(record);
    }
}
