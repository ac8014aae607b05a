namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Masks every record of one stretch of the file body: the whole body when masking on one thread, or one
/// chunk of whole records when masking in parallel. The same loop either way, so the output is the same.
/// </summary>
internal static class CsvSegment
{
    /// <summary>Returns the line after the last record (lines are counted from <paramref name="firstLine"/>).</summary>
    public static async Task<long> MaskAsync(CsvInputWindow window, CsvOutputBuffer buffer, CsvRowWriter writer, int columnCount,
        MaskingReport report, long firstLine, int maxRecordBytes, CancellationToken cancellationToken)
    {
        var run = new CsvMaskingRun(window, buffer, writer, columnCount, report, firstLine);
        while (true)
        {
            switch (run.MaskPendingRecords())
            {
                case CsvMaskingRun.Need.OutputFlush:
                    await buffer.FlushAsync(cancellationToken);
                    break;
                case CsvMaskingRun.Need.MoreInput when window.IsFull:
                    await SkipOversizedRecordAsync(window, run, maxRecordBytes, cancellationToken);
                    break;
                case CsvMaskingRun.Need.MoreInput:
                    await window.FillAsync(cancellationToken);
                    break;
                default:
                    await buffer.FlushAsync(cancellationToken);
                    return run.Line;
            }
        }
    }

    private static async Task SkipOversizedRecordAsync(CsvInputWindow window, CsvMaskingRun run, int maxRecordBytes, CancellationToken cancellationToken)
    {
        var offset = window.Offset;
        var skipper = new OversizedRecordSkipper();
        bool ended;
        while (true)
        {
            ended = skipper.Advance(window.Pending, out var consumed);
            window.Consume(consumed);
            // Over a chunk the window slides, so the end is reached only once nothing is pending.
            if (ended || (window.IsFinal && window.Pending.IsEmpty)) break;
            await window.FillAsync(cancellationToken);
        }
        run.ReportOversized(offset, skipper.LineBreaks, terminated: ended, maxRecordBytes);
    }
}
