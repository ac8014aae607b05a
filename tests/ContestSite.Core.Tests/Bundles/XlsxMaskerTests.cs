using System.IO.Compression;
using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Bundles.Masking.Xlsx;
using MiniExcelLibs;

namespace ContestSite.Core.Tests.Bundles;

public sealed class XlsxMaskerTests
{
    private static readonly List<ReliefRow> Generated = ReliefRecords.Generate(300, seed: 11);

    private static Dictionary<string, object?> AsCells(ReliefRow row) =>
        ReliefRecords.Header.Zip(row.Cells()).ToDictionary(p => p.First, p => (object?)p.Second);

    private static MemoryStream Workbook(Dictionary<string, object> sheets)
    {
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets);
        stream.Position = 0;
        return stream;
    }

    private static async Task<(MemoryStream Output, MaskingReport Report)> MaskAsync(Stream input, XlsxSheets sheets = XlsxSheets.All)
    {
        var output = new MemoryStream();
        var report = await new XlsxMasker(ReliefRecords.Plan(), sheets).MaskAsync(input, output);
        output.Position = 0;
        return (output, report);
    }

    private static List<IDictionary<string, object?>> Read(MemoryStream workbook, string sheet)
    {
        workbook.Position = 0;
        return MiniExcel.Query(workbook, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task Generated_records_in_a_workbook_are_masked_and_the_other_cells_are_unchanged()
    {
        var (output, report) = await MaskAsync(Workbook(new() { ["救助对象"] = Generated.Select(AsCells).ToList() }));

        Assert.True(report.Succeeded, report.FatalError);
        var rows = Read(output, "救助对象");
        var cells = rows.SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        var leaked = Generated.SelectMany(r => r.SensitiveValues()).Where(v => cells.Any(c => c.Contains(v, StringComparison.Ordinal))).ToList();
        Assert.Empty(leaked);
        Assert.Equal(Generated.Select(r => (r.Number, r.Category, r.AddressUpToDistrict)), rows.Select(r => ((string)r["编号"]!, (string)r["救助类别"]!, (string)r["家庭住址"]!)));
        Assert.Equal(["编号", "姓名", "身份证号", "手机号", "家庭住址", "电子邮箱", "银行卡号", "户籍号", "救助类别", "金额"], rows[0].Keys);
        Assert.Equal((300, 300), (report.RowsIn, report.RowsOut));
    }

    [Fact]
    public async Task Every_sheet_is_masked_and_the_first_sheet_option_leaves_the_others_out()
    {
        var sheets = new Dictionary<string, object> { ["一月"] = Generated.Take(5).Select(AsCells).ToList(), ["二月"] = Generated.Skip(5).Take(5).Select(AsCells).ToList() };

        var (all, _) = await MaskAsync(Workbook(sheets));
        var (first, _) = await MaskAsync(Workbook(sheets), XlsxSheets.First);

        Assert.Equal(["一月", "二月"], MiniExcel.GetSheetNames(all));
        Assert.Equal(Generated[5].Mobile[..3] + "****" + Generated[5].Mobile[^4..], Read(all, "二月")[0]["手机号"]);
        Assert.Equal(["一月"], MiniExcel.GetSheetNames(first));
    }

    [Fact]
    public async Task A_renamed_text_file_is_refused_with_a_clear_message_and_nothing_is_written()
    {
        var (output, report) = await MaskAsync(new MemoryStream(Encoding.UTF8.GetBytes(ReliefRecords.Csv(Generated.Take(3)))));

        Assert.False(report.Succeeded);
        Assert.Contains("不是 XLSX 表格", report.FatalError, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task A_zip_that_holds_no_workbook_is_refused_and_nothing_is_written()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("word/document.xml").Open();
            await entry.WriteAsync(Encoding.UTF8.GetBytes("<document/>"));
        }
        zip.Position = 0;

        var (output, report) = await MaskAsync(zip);

        Assert.Contains("没有 Excel 工作簿", report.FatalError, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }
}
