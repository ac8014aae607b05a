using ContestSite.Web.Files;
using ContestSite.Web.Storage;

namespace ContestSite.Web.Tests.Files;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\张三\\方案书.pdf", "方案书.pdf")]
    public void Path_parts_are_removed(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name));
    }

    [Fact]
    public void Nul_and_control_characters_are_removed()
    {
        Assert.Equal("report.pdf", FileNames.Clean("rep\0ort\r\n\t.pdf"));
    }

    [Fact]
    public void A_right_to_left_override_cannot_disguise_the_extension()
    {
        Assert.Equal("invoicefdp.exe", FileNames.Clean("invoice\u202Efdp.exe"));
        Assert.Equal("ab.png", FileNames.Clean("a\u200Bb\u2066.png"));
    }

    [Fact]
    public void Leading_dots_and_trailing_dots_are_removed()
    {
        Assert.Equal("htaccess", FileNames.Clean(".htaccess"));
        Assert.Equal("notes.txt", FileNames.Clean("..notes.txt.. "));
    }

    [Fact]
    public void A_name_of_300_characters_is_cut_to_100_keeping_the_extension()
    {
        var cleaned = FileNames.Clean(new string('数', 300) + ".pdf");

        Assert.Equal(100, cleaned.Length);
        Assert.EndsWith("数.pdf", cleaned);
    }

    [Fact]
    public void Cutting_never_splits_a_character_outside_the_basic_plane()
    {
        var cleaned = FileNames.Clean(new string('a', 95) + "😀😀😀.png");

        Assert.Equal(new string('a', 95) + ".png", cleaned);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData("\u202E\0")]
    public void A_name_with_nothing_left_becomes_a_placeholder(string? name)
    {
        Assert.Equal("未命名文件", FileNames.Clean(name));
    }

    [Fact]
    public void Characters_Windows_forbids_and_reserved_device_names_are_neutralised()
    {
        Assert.Equal("a_b_.txt", FileNames.Clean("a<b>.txt"));
        Assert.Equal("_CON.txt", FileNames.Clean("CON.txt"));
    }

    [Fact]
    public void An_ordinary_chinese_name_is_kept()
    {
        Assert.Equal("浙江省数据开放 应用方案 v2.pdf", FileNames.Clean("浙江省数据开放 应用方案 v2.pdf"));
    }
}
