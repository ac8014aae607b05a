using System.Text;
using ContestSite.Core.Bundles.Masking;
using ContestSite.Core.Catalog;

namespace ContestSite.Core.Tests.Bundles;

public sealed class CsvMaskerTests
{
    private static readonly List<ReliefRow> Generated = ReliefRecords.Generate(600);

    [Fact]
    public async Task No_sensitive_value_of_the_generated_records_appears_anywhere_in_the_output()
    {
        var masked = await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated));

        var leaked = Generated.SelectMany(r => r.SensitiveValues()).Where(v => masked.Text.Contains(v, StringComparison.Ordinal)).ToList();
        Assert.Empty(leaked);
        Assert.Equal(Generated.Count, masked.Report.RowsOut);
    }

    [Fact]
    public async Task Each_sensitive_column_is_masked_by_its_own_rule()
    {
        var rows = (await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated))).Rows();

        Assert.All(Generated.Zip(rows), pair =>
        {
            var (original, masked) = pair;
            Assert.Equal(original.IdNumber[..3] + new string('*', original.IdNumber.Length - 7) + original.IdNumber[^4..], masked["身份证号"]);
            Assert.Equal(original.Mobile[..3] + "****" + original.Mobile[^4..], masked["手机号"]);
            Assert.Equal(original.AddressUpToDistrict, masked["家庭住址"]);
            Assert.Equal(original.Email[0] + "***" + original.Email[original.Email.IndexOf('@', StringComparison.Ordinal)..], masked["电子邮箱"]);
            Assert.Equal(original.BankCard[..4] + new string('*', original.BankCard.Length - 8) + original.BankCard[^4..], masked["银行卡号"]);
            Assert.Matches("^[0-9a-f]{16}$", masked["户籍号"]);
            var surname = original.Name.Length > 2 && FakePeople.CompoundSurnames.Contains(original.Name[..2]) ? 2 : 1;
            Assert.Equal(original.Name[..surname] + new string('*', original.Name.Length - surname), masked["姓名"]);
        });
    }

    [Fact]
    public async Task Every_value_of_a_column_not_marked_sensitive_is_unchanged()
    {
        var rows = (await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated))).Rows();

        Assert.Equal(Generated.Select(r => (r.Number, r.Category, r.Amount)), rows.Select(r => (r["编号"], r["救助类别"], r["金额"])));
    }

    [Fact]
    public async Task Dropped_unlisted_and_sensitive_columns_without_a_rule_are_gone_from_header_and_rows()
    {
        var masked = await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated));

        Assert.Equal(["编号", "姓名", "身份证号", "手机号", "家庭住址", "电子邮箱", "银行卡号", "户籍号", "救助类别", "金额"], masked.Header);
        Assert.All(masked.Records(), r => Assert.Equal(10, r.Fields.Count));
        Assert.DoesNotContain("核查中", masked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("民政厅", masked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_names_the_rule_of_every_column_and_why_columns_were_dropped()
    {
        var report = (await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated.Take(3)))).Report;

        Assert.Equal(ReliefRecords.Header, report.Columns.Select(c => c.ColumnName));
        Assert.Equal("KeepFirstLast(4,4)", report.Columns.Single(c => c.ColumnName == "银行卡号").Rule);
        var contact = report.Columns.Single(c => c.ColumnName == "联系人");
        Assert.False(contact.Served);
        Assert.Contains("未设置脱敏规则", contact.Reason, StringComparison.Ordinal);
        Assert.Contains("不在数据集的字段列表中", report.Columns.Single(c => c.ColumnName == "数据来源").Reason, StringComparison.Ordinal);
        Assert.Equal((3, 3, 0), (report.RowsIn, report.RowsOut, report.RowsSkipped));
    }

    [Fact]
    public async Task The_same_value_in_two_files_gets_the_same_keyed_hash_so_they_can_be_joined()
    {
        var first = (await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated.Take(50)))).Rows();
        var second = (await MaskedCsv.MaskAsync(ReliefRecords.Csv(Generated.Take(50).Reverse()))).Rows();

        Assert.Equal(first.Select(r => r["户籍号"]), second.Select(r => r["户籍号"]).Reverse());
        Assert.Equal(50, first.Select(r => r["户籍号"]).Distinct().Count());
    }

    [Fact]
    public async Task Quoted_cells_with_commas_quotes_and_line_breaks_are_read_and_written_as_rfc_4180()
    {
        var csv = "编号,姓名,家庭住址,救助类别\r\n\"R1\",\"张伟\",\"浙江省杭州市西湖区文三路90号,\"\"东\"\"门\",\"低保,\r\n临时救助\"\r\n";

        var masked = await MaskedCsv.MaskAsync(csv);

        var row = Assert.Single(masked.Rows());
        Assert.Equal(("R1", "张*", "浙江省杭州市西湖区", "低保,\r\n临时救助"), (row["编号"], row["姓名"], row["家庭住址"], row["救助类别"]));
        Assert.Empty(masked.Report.SkippedRows);
    }

    [Fact]
    public async Task A_masked_value_holding_a_comma_or_quote_is_quoted_in_the_output()
    {
        var fields = new List<DatasetField> { new() { Name = "编号" }, new() { Name = "备注", IsSensitive = true } };
        var plan = MaskingPlan.Build(fields, [new("备注", "KeepFirstLast", 3, 0)], default).Plan!;

        var masked = await MaskedCsv.MaskAsync("编号,备注\nR1,\"a,\"\"bcdef\"\n", plan);

        Assert.Contains("R1,\"a,\"\"*****\"\r\n", masked.Text, StringComparison.Ordinal);
        Assert.Equal("a,\"*****", masked.Rows()[0]["备注"]);
    }

    /// <summary>
    /// Kept columns next to each other are copied as one stretch of the record: the stretch must stop at a
    /// dropped or masked column, keep quoted cells as they stand, and be right when it is long or ends the line.
    /// </summary>
    [Fact]
    public async Task Kept_columns_next_to_each_other_are_copied_as_they_stand_around_dropped_and_masked_ones()
    {
        var fields = new List<DatasetField>
        {
            new() { Name = "编号" }, new() { Name = "备注" }, new() { Name = "区划" }, new() { Name = "姓名", IsSensitive = true },
            new() { Name = "类别" }, new() { Name = "说明" },
        };
        var plan = MaskingPlan.Build(fields, [new("姓名", "PersonName")], default).Plan!;
        var longText = "这是一段超过三十二个字节的很长的说明文字";

        var masked = await MaskedCsv.MaskAsync(
            "编号,备注,内部,区划,姓名,类别,说明\n" +
            $"R1,\"低保,临时\",内部意见,西湖区,张伟,医疗救助,{longText}\n" +
            "R2,b,x,c,李四,d,e\n", plan);

        Assert.Equal(
            "\uFEFF编号,备注,区划,姓名,类别,说明\r\n" +
            $"R1,\"低保,临时\",西湖区,张*,医疗救助,{longText}\r\n" +
            "R2,b,c,李*,d,e\r\n", masked.Text);
    }

    [Fact]
    public async Task Input_with_a_byte_order_mark_and_lf_line_ends_is_masked_and_written_as_utf8_with_crlf()
    {
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("编号,手机号\nR1,13812345678\n")).ToArray();

        var masked = await MaskedCsv.MaskAsync(csv);

        Assert.Equal("\uFEFF编号,手机号\r\nR1,138****5678\r\n", masked.Text);
    }

    [Fact]
    public async Task An_empty_file_fails_with_a_reason_and_writes_nothing()
    {
        var masked = await MaskedCsv.MaskAsync("");

        Assert.False(masked.Report.Succeeded);
        Assert.Contains("没有表头", masked.Report.FatalError, StringComparison.Ordinal);
        Assert.Equal("", masked.Text);
    }

    [Fact]
    public async Task A_file_with_no_column_that_may_be_served_fails_and_writes_nothing()
    {
        var masked = await MaskedCsv.MaskAsync("联系人,数据来源\n张伟,民政厅\n");

        Assert.False(masked.Report.Succeeded);
        Assert.Equal("", masked.Text);
    }

    [Fact]
    public async Task Blank_lines_are_neither_rows_nor_problems()
    {
        var masked = await MaskedCsv.MaskAsync("\n编号,金额\n\nR1,10.00\n\r\nR2,20.00");

        Assert.Equal(["R1", "R2"], masked.Rows().Select(r => r["编号"]));
        Assert.Equal((2, 0), (masked.Report.RowsOut, masked.Report.RowsSkipped));
    }
}
