namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Masks a UTF-8 CSV (with or without BOM) from one stream to another, row by row or in chunks of whole
/// records on several cores (<see cref="CsvParallelMasking"/>) with the same output, and with memory bounded
/// by <see cref="CsvMaskingOptions.MaxRecordBytes"/> and <see cref="CsvMaskingOptions.Workers"/> whatever the
/// file's size. The header row maps columns to the plan's fields by name. Malformed records (bad quoting, wrong column count, invalid UTF-8, over
/// the cap) are skipped and listed in the report, never written. Output is UTF-8, CRLF, RFC 4180 quoting.
/// When the report is not <see cref="MaskingReport.Succeeded"/>, nothing was written.
/// </summary>
public sealed class CsvMasker(MaskingPlan plan, CsvMaskingOptions? options = null)
{
    private readonly CsvMaskingOptions options = options ?? new CsvMaskingOptions();

    public async Task<MaskingReport> MaskAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        using var window = new CsvInputWindow(input, options.MaxRecordBytes);
        await window.FillAsync(cancellationToken);
        window.SkipByteOrderMark();
        var (header, error) = await CsvHeader.ReadAsync(window, options, cancellationToken);
        if (header is null) return MaskingReport.Failed(error!);

        var columns = header.Names.Select(plan.ForColumn).ToList();
        var report = new MaskingReport();
        for (var i = 0; i < columns.Count; i++)
        {
            report.AddColumn(new ColumnOutcome(null, i, header.Names[i], columns[i].Rule, !columns[i].IsDropped, columns[i].Reason));
        }
        if (columns.All(c => c.IsDropped)) return report.Fail("没有可以提供的列：文件的每一列都被删除或不在字段列表中");

        using var writer = new CsvRowWriter(columns, options.MaxRecordBytes);
        using var buffer = new CsvOutputBuffer(output, writer.WorstCaseBytes(options.MaxRecordBytes) + 64 * 1024);
        WriteHeader(header, columns, buffer);
        if (options.Workers > 1)
            await new CsvParallelMasking(columns, options, report).MaskAsync(window, input, buffer, output, header.LastLine + 1, cancellationToken);
        else
            await CsvSegment.MaskAsync(window, buffer, writer, columns.Count, report, header.LastLine + 1, options.MaxRecordBytes, cancellationToken);
        await buffer.FlushAsync(cancellationToken);
        return report;
    }

    private void WriteHeader(CsvHeader header, List<ColumnMasking> columns, CsvOutputBuffer buffer)
    {
        if (options.WriteByteOrderMark) buffer.Write([0xEF, 0xBB, 0xBF]);
        var first = true;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].IsDropped) continue;
            if (!first) buffer.Write((byte)',');
            buffer.Write(header.RawNames[i]);
            first = false;
        }
        buffer.Write("\r\n"u8);
    }
}
