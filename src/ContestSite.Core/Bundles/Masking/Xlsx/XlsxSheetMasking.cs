using System.Globalization;
using ContestSite.Core.Bundles.Masking.Rules;
using MiniExcelLibs;

namespace ContestSite.Core.Bundles.Masking.Xlsx;

/// <summary>
/// One sheet, read lazily while the output workbook is written, so only one row is in memory at a time.
/// Kept cells keep their type (numbers stay numbers); masked cells become text.
/// </summary>
internal sealed class XlsxSheetMasking(MaskingPlan plan, Stream input, string sheet, MaskingReport report)
{
    public IEnumerable<IDictionary<string, object?>> Rows()
    {
        input.Position = 0;
        List<(string Key, ColumnMasking Masking)>? served = null;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(input, useHeaderRow: false, sheetName: sheet))
        {
            if (served is null)
            {
                served = MapHeader(row);
                yield return served.ToDictionary(c => c.Key, c => (object?)TextOf(row[c.Key]));
                continue;
            }
            report.RowsIn++;
            var masked = new Dictionary<string, object?>(served.Count);
            foreach (var (key, masking) in served)
            {
                var value = row.TryGetValue(key, out var cell) ? cell : null;
                masked[key] = masking.Masker is { } masker ? Mask(value, masker) : value;
            }
            report.RowsOut++;
            yield return masked;
        }
    }

    private List<(string Key, ColumnMasking Masking)> MapHeader(IDictionary<string, object?> header)
    {
        var served = new List<(string, ColumnMasking)>();
        var index = 0;
        foreach (var (key, cell) in header)
        {
            var name = TextOf(cell)?.Trim() ?? "";
            var masking = plan.ForColumn(name);
            report.AddColumn(new ColumnOutcome(sheet, index++, name, masking.Rule, !masking.IsDropped, masking.Reason));
            if (!masking.IsDropped) served.Add((key, masking));
        }
        return served;
    }

    private static string? Mask(object? value, IValueMasker masker) =>
        TextOf(value) is { Length: > 0 } text ? masker.Mask(text) : null;

    private static string? TextOf(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime moment => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
