using ContestSite.Core.Catalog.Import;

namespace ContestSite.Core.Tests.Catalog;

public class CsvReaderTests
{
    private static List<CsvRecord> Read(string text) => new CsvReader(new StringReader(text)).ReadRecords().ToList();

    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\nsecond line\"\r\nlast,row\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"\nsecond line"], records[1].Fields);
        Assert.Equal(4, records[2].Line);
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Empty_fields_and_a_missing_final_newline_are_read()
    {
        var records = Read("a,,\"\"\n,b,");

        Assert.Equal(["a", "", ""], records[0].Fields);
        Assert.Equal(["", "b", ""], records[1].Fields);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_reported_with_its_line()
    {
        var records = Read("h1,h2\nok,row\n\"bad\"x,row\n");

        Assert.Null(records[1].Error);
        Assert.Contains("第 3 行", records[2].Error);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_at_the_line_where_the_record_starts()
    {
        var records = Read("h1,h2\n\"never closed,x\nmore\n");

        Assert.Equal(2, records[1].Line);
        Assert.Contains("没有闭合", records[1].Error);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_reported_and_the_next_record_is_read_cleanly()
    {
        var records = Read("h1,h2\nab\"c,row\nnext,row\n");

        Assert.Contains("第 2 行", records[1].Error);
        Assert.Contains("引号", records[1].Error);
        Assert.Equal(["next", "row"], records[2].Fields);
        Assert.Null(records[2].Error);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted_in_the_line_numbers()
    {
        var records = Read("h1,h2\n\n\nlast,row\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(4, records[1].Line);
    }
}
