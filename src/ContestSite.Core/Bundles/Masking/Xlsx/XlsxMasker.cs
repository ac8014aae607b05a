using System.Xml;
using MiniExcelLibs;

namespace ContestSite.Core.Bundles.Masking.Xlsx;

/// <summary>
/// Masks an .xlsx workbook row by row into a new one, with the same plan as CSV: the first row of each
/// sheet is its header. A file that is not a workbook is refused before anything is written. If a sheet
/// turns out to be corrupt midway, the report fails and the caller must discard the partial output.
/// </summary>
public sealed class XlsxMasker(MaskingPlan plan, XlsxSheets sheets = XlsxSheets.All)
{
    public async Task<MaskingReport> MaskAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        if (!input.CanSeek) throw new ArgumentException("An XLSX file is a zip whose directory is at its end: pass a seekable stream.", nameof(input));
        var problem = XlsxFileCheck.ProblemWith(input);
        if (problem is not null) return MaskingReport.Failed(problem);

        var report = new MaskingReport();
        try
        {
            var names = MiniExcel.GetSheetNames(input);
            input.Position = 0;
            if (names.Count == 0) return report.Fail("不是有效的 XLSX 表格：工作簿中没有工作表");
            var workbook = new Dictionary<string, object>();
            foreach (var name in sheets == XlsxSheets.First ? names.Take(1) : names)
            {
                workbook[name] = new XlsxSheetMasking(plan, input, name, report).Rows();
            }
            await MiniExcel.SaveAsAsync(output, workbook, printHeader: false, cancellationToken: cancellationToken);
            return report;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or InvalidOperationException or FormatException)
        {
            return report.Fail($"不是有效的 XLSX 表格：工作簿内容无法读取（{e.Message}）");
        }
    }
}
