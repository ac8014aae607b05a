using System.Text;
using ContestSite.Core.Text;
using Microsoft.Net.Http.Headers;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace ContestSite.Web.Exports;

/// <summary>
/// A table to download: a header and rows produced while they are written, so a large table never sits in
/// memory. <paramref name="TooManyRowsNote"/> ends a spreadsheet that would pass a sheet's row limit.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Header, IAsyncEnumerable<string?[]> Rows, string? TooManyRowsNote = null);

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// Writes tables as CSV (UTF-8 with BOM, so Excel reads the Chinese; CRLF) or XLSX. Every text cell is
/// neutralised, so nothing a contestant typed runs as a formula in the organizer's spreadsheet.
/// </summary>
public static class TabularExport
{
    /// <summary>The table as an endpoint's result.</summary>
    public static IResult Result(ExportTable table, ExportFormat format, string fileName) => new ExportResult(table, format, fileName);

    private sealed class ExportResult(ExportTable table, ExportFormat format, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => SendAsync(httpContext.Response, table, format, fileName, httpContext.RequestAborted);
    }

    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>A sheet holds 1,048,576 rows; past this the spreadsheet ends with the table's note.</summary>
    public const int MaxSpreadsheetRows = 1_000_000;
    private const int RowsPerFlush = 1000;

    public static bool TryParseFormat(string? text, out ExportFormat format)
    {
        (var known, format) = text switch { "csv" => (true, ExportFormat.Csv), "xlsx" => (true, ExportFormat.Xlsx), _ => (false, default) };
        return known;
    }

    /// <summary>Sends the table as an attachment named <paramref name="fileName"/> (without extension).</summary>
    public static async Task SendAsync(HttpResponse response, ExportTable table, ExportFormat format, string fileName, CancellationToken cancellationToken)
    {
        var extension = format == ExportFormat.Csv ? ".csv" : ".xlsx";
        response.ContentType = format == ExportFormat.Csv ? CsvContentType : XlsxContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName + extension);
        response.Headers.ContentDisposition = disposition.ToString();
        if (format == ExportFormat.Csv) await WriteCsvAsync(table, response.Body, cancellationToken);
        else await WriteXlsxAsync(table, response.Body, cancellationToken);
    }

    public static async Task WriteCsvAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvLine(table.Header));
        var unflushed = 0;
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CsvLine(row));
            if (++unflushed == RowsPerFlush)
            {
                await writer.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// MiniExcel pulls rows synchronously and needs a seekable stream: the workbook is built on a pool thread
    /// in a temporary file (gone when closed), then copied out.
    /// </summary>
    public static async Task WriteXlsxAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "contestsite-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await Task.Run(() => MiniExcel.SaveAs(file, SheetRows(table, cancellationToken), sheetName: table.SheetName), cancellationToken);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    private static IEnumerable<IDictionary<string, object?>> SheetRows(ExportTable table, CancellationToken cancellationToken)
    {
        var columns = ColumnNames(table.Header);
        var written = 0;
        foreach (var cells in table.Rows.ToBlockingEnumerable(cancellationToken))
        {
            if (++written > MaxSpreadsheetRows)
            {
                if (table.TooManyRowsNote is not null) yield return SheetRow(columns, ["…", table.TooManyRowsNote]);
                yield break;
            }
            yield return SheetRow(columns, cells);
        }
    }

    /// <summary>MiniExcel keys cells by column name: a repeated name (two criteria called the same) gets a number.</summary>
    private static string[] ColumnNames(IReadOnlyList<string> header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new string[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            for (var n = 2; !seen.Add(name); n++) name = $"{header[i]} ({n})";
            names[i] = name;
        }
        return names;
    }

    private static Dictionary<string, object?> SheetRow(string[] columns, string?[] cells)
    {
        var row = new Dictionary<string, object?>(columns.Length);
        for (var i = 0; i < columns.Length; i++) row[columns[i]] = i < cells.Length ? SpreadsheetText.Neutralise(cells[i]) : "";
        return row;
    }

    private static string CsvLine(IEnumerable<string?> cells) => string.Join(',', cells.Select(SpreadsheetText.CsvField)) + "\r\n";
}
