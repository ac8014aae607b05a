namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>The header record: column names as text, and the raw bytes of each served name for the output header.</summary>
internal sealed record CsvHeader(IReadOnlyList<string> Names, IReadOnlyList<byte[]> RawNames, long LastLine)
{
    /// <summary>Reads the first non-blank record; null and an error message (Chinese) when there is no usable header.</summary>
    public static async Task<(CsvHeader? Header, string? Error)> ReadAsync(CsvInputWindow window, CsvMaskingOptions options, CancellationToken cancellationToken)
    {
        var fields = new CsvFieldBounds[options.MaxColumns + 1];
        long line = 1;
        while (true)
        {
            if (window.Pending.IsEmpty && window.IsFinal) return (null, "文件为空，没有表头");
            if (CsvRecordScanner.TryScan(window.Pending, window.IsFinal, fields, out var scan))
            {
                var record = window.Pending[..scan.Consumed];
                if (CsvMaskingRun.IsBlank(record, scan))
                {
                    window.Consume(scan.Consumed);
                    line += scan.LineBreaks;
                    continue;
                }
                if (scan.Error is not null) return (null, $"第 {line} 行的表头格式错误：{scan.Error}");
                if (scan.FieldCount > options.MaxColumns) return (null, $"表头有 {scan.FieldCount} 列，超过 {options.MaxColumns} 列的上限");
                if (!System.Text.Unicode.Utf8.IsValid(record)) return (null, "表头不是有效的 UTF-8 文本（可能是 GBK 编码），请另存为 UTF-8 后再上传");
                var header = FromRecord(record, fields.AsSpan(0, scan.FieldCount), line + scan.LineBreaks - (scan.Terminated ? 1 : 0));
                window.Consume(scan.Consumed);
                return (header, null);
            }
            if (window.IsFull) return (null, $"表头超过 {options.MaxRecordBytes / 1024} KB 的上限");
            await window.FillAsync(cancellationToken);
        }
    }

    private static CsvHeader FromRecord(ReadOnlySpan<byte> record, ReadOnlySpan<CsvFieldBounds> fields, long lastLine)
    {
        var names = new string[fields.Length];
        var raw = new byte[fields.Length][];
        for (var i = 0; i < fields.Length; i++)
        {
            names[i] = CsvText.Decode(record, fields[i]);
            raw[i] = record.Slice(fields[i].Start, fields[i].Length).ToArray();
        }
        return new CsvHeader(names, raw, lastLine);
    }
}
