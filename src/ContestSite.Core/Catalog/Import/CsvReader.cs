using CsvHelper;
using Parser = CsvHelper.CsvReader;

namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// Reads RFC 4180 CSV (comma separated, quoted fields with doubled quotes and line breaks, CRLF or LF) record
/// by record with CsvHelper. Records with bad quoting are still returned, with <see cref="CsvRecord.Error"/> set
/// and <see cref="CsvRecord.Line"/> the line the record starts on, so the caller can report the position and
/// go on. Blank lines are skipped.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    public IEnumerable<CsvRecord> ReadRecords()
    {
        CsvMalformedRecord? malformed = null;
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed ??= record,
        };
        using var parser = Parser.Create(reader, options, leaveOpen: true);
        while (parser.Read())
        {
            var fields = new string[parser.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = parser.GetString(i);
            var line = parser.LineNumber;
            yield return new CsvRecord(line, fields, malformed is { } bad ? Describe(bad.Reason, line) : null);
            malformed = null;
        }
    }

    private static string Describe(CsvMalformedReason reason, long line) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => $"第 {line} 行：带引号的字段直到文件结束都没有闭合",
        CsvMalformedReason.TextAfterClosingQuote => $"第 {line} 行：右引号后还有文字",
        CsvMalformedReason.StrayQuote => $"第 {line} 行：未加引号的字段中出现引号",
        _ => $"第 {line} 行：引号用法不对",
    };
}
