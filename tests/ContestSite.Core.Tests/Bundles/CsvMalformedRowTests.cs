using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Bundles.Masking.Csv;

namespace ContestSite.Core.Tests.Bundles;

public sealed class CsvMalformedRowTests
{
    private const string Header = "编号,姓名,手机号,救助类别\r\n";

    [Fact]
    public async Task A_stray_quote_inside_a_field_skips_that_row_only_and_reports_its_line()
    {
        var masked = await MaskedCsv.MaskAsync(Header + "R1,张伟,13812345678,低保\r\nR2,李\"娜,13912345678,低保\r\nR3,王芳,13712345678,低保\r\n");

        var skipped = Assert.Single(masked.Report.SkippedRows);
        Assert.Equal((3L, 3L), (skipped.Line, skipped.LastLine));
        Assert.Contains("引号", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(["R1", "R3"], masked.Rows().Select(r => r["编号"]));
        Assert.DoesNotContain("R2", masked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_skips_the_row()
    {
        var masked = await MaskedCsv.MaskAsync(Header + "R1,\"张伟\"x,13812345678,低保\r\n");

        Assert.Equal("右引号后还有文字", Assert.Single(masked.Report.SkippedRows).Reason);
        Assert.DoesNotContain("13812345678", masked.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("R1,张伟,13812345678\r\n", 3)]
    [InlineData("R1,张伟,13812345678,低保,多余,13912345678\r\n", 6)]
    public async Task A_row_with_the_wrong_number_of_columns_is_skipped_and_says_how_many_it_has(string row, int columns)
    {
        var masked = await MaskedCsv.MaskAsync(Header + row + "R2,王芳,13712345678,低保\r\n");

        var skipped = Assert.Single(masked.Report.SkippedRows);
        Assert.Equal($"有 {columns} 列，表头有 4 列", skipped.Reason);
        Assert.Equal(Encoding.UTF8.GetByteCount(Header), skipped.ByteOffset);
        Assert.DoesNotContain("张伟", masked.Text, StringComparison.Ordinal);
        Assert.Equal(["R2"], masked.Rows().Select(r => r["编号"]));
    }

    [Fact]
    public async Task A_ten_megabyte_line_is_skipped_and_reported_and_nothing_of_it_reaches_the_output()
    {
        var huge = "R2,张伟,13812345678," + new string('低', 10 * 1024 * 1024 / 3) + "\r\n";
        var masked = await MaskedCsv.MaskAsync(Header + "R1,王芳,13712345678,低保\r\n" + huge + "R3,李娜,13912345678,临时救助\r\n");

        var skipped = Assert.Single(masked.Report.SkippedRows);
        Assert.Equal(3, skipped.Line);
        Assert.Contains("上限", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(["R1", "R3"], masked.Rows().Select(r => r["编号"]));
        Assert.DoesNotContain("R2", masked.Text, StringComparison.Ordinal);
        Assert.True(masked.Text.Length < 1000);
    }

    [Fact]
    public async Task A_long_quoted_field_over_the_cap_is_skipped_whole_even_when_it_holds_line_breaks_that_look_like_rows()
    {
        var fakeRows = string.Concat(Enumerable.Range(0, 200).Select(i => $"\r\nR9{i},张伟,13812345678,低保"));
        var options = new CsvMaskingOptions { MaxRecordBytes = 4096 };

        var masked = await MaskedCsv.MaskAsync(Header + "R1,王芳,13712345678,\"低保" + fakeRows + "\"\r\nR2,李娜,13912345678,低保\r\n", options: options);

        var skipped = Assert.Single(masked.Report.SkippedRows);
        Assert.Equal((2L, 202L), (skipped.Line, skipped.LastLine));
        Assert.Equal(["R2"], masked.Rows().Select(r => r["编号"]));
        Assert.DoesNotContain("张伟", masked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_quote_takes_the_rest_of_the_file_into_one_skipped_record_and_writes_none_of_it()
    {
        var masked = await MaskedCsv.MaskAsync(Header + "R1,王芳,13712345678,低保\r\nR2,\"张伟,13812345678,低保\r\nR3,李娜,13912345678,低保\r\n");

        var skipped = Assert.Single(masked.Report.SkippedRows);
        Assert.Equal((3L, 4L), (skipped.Line, skipped.LastLine));
        Assert.Equal("引号未闭合", skipped.Reason);
        Assert.Equal(["R1"], masked.Rows().Select(r => r["编号"]));
    }

    [Fact]
    public async Task A_row_that_is_not_valid_utf8_is_skipped()
    {
        var gbkName = new byte[] { 0xD5, 0xC5, 0xCE, 0xB0 };
        var csv = Encoding.UTF8.GetBytes(Header + "R1,").Concat(gbkName).Concat(Encoding.UTF8.GetBytes(",13812345678,低保\r\nR2,王芳,13712345678,低保\r\n")).ToArray();

        var masked = await MaskedCsv.MaskAsync(csv);

        Assert.Contains("UTF-8", Assert.Single(masked.Report.SkippedRows).Reason, StringComparison.Ordinal);
        Assert.Equal(["R2"], masked.Rows().Select(r => r["编号"]));
    }

    [Fact]
    public async Task Line_numbers_count_the_line_breaks_inside_quoted_fields()
    {
        var masked = await MaskedCsv.MaskAsync(Header + "R1,王芳,13712345678,\"低保\r\n第二行\r\n第三行\"\r\nR2,李\"娜,13912345678,低保\r\n");

        Assert.Equal(5, Assert.Single(masked.Report.SkippedRows).Line);
    }

    [Fact]
    public async Task The_number_of_listed_skipped_rows_is_capped_but_the_count_is_exact()
    {
        var garbage = string.Concat(Enumerable.Range(0, MaskingReport.MaxListedSkippedRows + 500).Select(_ => "x\r\n"));

        var report = (await MaskedCsv.MaskAsync(Header + garbage)).Report;

        Assert.Equal(MaskingReport.MaxListedSkippedRows + 500, report.RowsSkipped);
        Assert.Equal(MaskingReport.MaxListedSkippedRows, report.SkippedRows.Count);
    }

    [Fact]
    public async Task A_malformed_header_fails_the_file_and_writes_nothing()
    {
        var masked = await MaskedCsv.MaskAsync("编号,\"姓名\"x,手机号\r\nR1,张伟,13812345678\r\n");

        Assert.False(masked.Report.Succeeded);
        Assert.Equal("", masked.Text);
    }
}
