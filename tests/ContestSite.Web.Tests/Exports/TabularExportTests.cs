using System.Text;
using ContestSite.Web.Exports;
using MiniExcelLibs;

namespace ContestSite.Web.Tests.Exports;

public sealed class TabularExportTests
{
    private static ExportTable Table(string[] header, params string?[][] rows) => new("表", header, rows.ToAsyncEnumerable());

    [Fact]
    public async Task A_csv_starts_with_a_byte_order_mark_ends_lines_with_crlf_and_quotes_what_needs_quoting()
    {
        using var output = new MemoryStream();
        await TabularExport.WriteCsvAsync(Table(["名称", "说明"], ["甲,乙", "他说\"好\""], ["第二行", null]), output, CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("名称,说明\r\n\"甲,乙\",\"他说\"\"好\"\"\"\r\n第二行,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+1")]
    [InlineData("-1-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public async Task A_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text_in_csv_and_xlsx(string typed)
    {
        using var csv = new MemoryStream();
        await TabularExport.WriteCsvAsync(Table(["团队名称"], [typed]), csv, CancellationToken.None);
        var line = Encoding.UTF8.GetString(csv.ToArray()[3..]).Split("\r\n")[1];
        Assert.StartsWith("'", line.TrimStart('"'));

        using var xlsx = new MemoryStream();
        await TabularExport.WriteXlsxAsync(Table(["团队名称"], [typed]), xlsx, CancellationToken.None);
        xlsx.Position = 0;
        var cell = (string)((IDictionary<string, object>)MiniExcel.Query(xlsx, useHeaderRow: true).Single())["团队名称"];
        Assert.Equal("'" + typed, cell);
    }

    [Fact]
    public async Task A_spreadsheet_keeps_both_columns_when_two_columns_have_the_same_name()
    {
        using var xlsx = new MemoryStream();
        await TabularExport.WriteXlsxAsync(Table(["作品编号", "创新性", "创新性"], ["7", "8", "9"]), xlsx, CancellationToken.None);

        xlsx.Position = 0;
        var row = (IDictionary<string, object>)MiniExcel.Query(xlsx, useHeaderRow: true).Single();
        Assert.Equal(["作品编号", "创新性", "创新性 (2)"], row.Keys);
        Assert.Equal(["7", "8", "9"], row.Values.Select(v => v?.ToString()));
    }

    [Theory]
    [InlineData("csv", true)]
    [InlineData("xlsx", true)]
    [InlineData("xls", false)]
    [InlineData("CSV", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_two_known_formats_are_accepted(string? text, bool known) =>
        Assert.Equal(known, TabularExport.TryParseFormat(text, out _));
}
