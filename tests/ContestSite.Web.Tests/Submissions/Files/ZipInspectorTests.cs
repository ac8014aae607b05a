using System.Text;
using ContestSite.Web.Submissions.Files;

namespace ContestSite.Web.Tests.Submissions.Files;

public sealed class ZipInspectorTests
{
    private static ZipInspection Inspect(byte[] zip, ZipLimits? limits = null)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return new ZipInspector(limits ?? new ZipLimits(), Path.GetTempPath()).Inspect(stream);
    }

    [Fact]
    public void An_ordinary_source_package_is_safe_and_counted()
    {
        var zip = TestZips.WithFiles(("app/src/Main.java", Encoding.UTF8.GetBytes("class Main {}")), ("app/README.md", Encoding.UTF8.GetBytes("# 应用")), ("app/lib/", []));

        var inspection = Inspect(zip);

        Assert.Null(inspection.Refusal);
        Assert.Equal(3, inspection.EntryCount);
    }

    [Fact]
    public void An_empty_zip_is_safe()
    {
        Assert.True(Inspect(TestZips.WithFiles()).IsSafe);
    }

    [Fact]
    public void A_zip_bomb_of_100_megabytes_of_zeros_is_refused_for_its_ratio()
    {
        var inspection = Inspect(TestZips.Bomb);

        Assert.StartsWith("压缩包中的“zeros.bin”压缩比超过 100:1", inspection.Refusal);
        Assert.EndsWith("疑似压缩炸弹", inspection.Refusal);
    }

    [Fact]
    public void A_bomb_nested_inside_an_inner_zip_is_found()
    {
        var inspection = Inspect(TestZips.Nested(TestZips.Bomb, levels: 1));

        Assert.StartsWith("压缩包中的“level1.zip/zeros.bin”压缩比超过 100:1", inspection.Refusal);
    }

    [Fact]
    public void Archives_nested_deeper_than_the_limit_are_refused()
    {
        var inspection = Inspect(TestZips.Nested(TestZips.WithFiles(("a.txt", [1, 2, 3])), levels: 4));

        Assert.Equal("压缩包嵌套超过 3 层（“level4.zip/level3.zip/level2.zip/level1.zip”），请解开后重新打包", inspection.Refusal);
    }

    [Fact]
    public void More_entries_than_the_limit_are_refused_before_any_entry_is_read()
    {
        var files = Enumerable.Range(0, 10_001).Select(i => ($"f{i}.txt", Array.Empty<byte>())).ToArray();

        var inspection = Inspect(TestZips.WithFiles(files));

        Assert.Equal("压缩包中的文件超过 10000 个", inspection.Refusal);
        Assert.Equal(0, inspection.EntryCount);
    }

    [Fact]
    public void A_total_uncompressed_size_above_the_limit_is_refused()
    {
        var random = new Random(3);
        var first = new byte[700 * 1024];
        var second = new byte[700 * 1024];
        random.NextBytes(first);
        random.NextBytes(second);

        var inspection = Inspect(TestZips.WithFiles(("a.bin", first), ("b.bin", second)), new ZipLimits { MaxTotalUncompressedBytes = 1024 * 1024 });

        Assert.Equal("压缩包解压后超过 1 MB，疑似压缩炸弹", inspection.Refusal);
    }

    [Fact]
    public void Many_small_well_compressed_entries_are_refused_for_the_overall_ratio()
    {
        var files = Enumerable.Range(0, 40).Select(i => ($"part{i}.txt", new byte[512 * 1024])).ToArray();

        var inspection = Inspect(TestZips.WithFiles(files));

        Assert.StartsWith("压缩包整体压缩比超过 100:1", inspection.Refusal);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("src/../../evil.txt")]
    [InlineData("..\\evil.txt")]
    public void An_entry_climbing_out_with_dot_dot_is_refused(string name)
    {
        var inspection = Inspect(TestZips.WithFiles((name, [1])));

        Assert.Equal($"压缩包中的“{name}”含有“..”路径，不允许", inspection.Refusal);
    }

    [Theory]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("\\\\server\\share\\evil.txt")]
    [InlineData("C:\\Windows\\evil.dll")]
    [InlineData("C:evil.dll")]
    public void An_absolute_entry_is_refused(string name)
    {
        var inspection = Inspect(TestZips.WithFiles((name, [1])));

        Assert.Equal($"压缩包中的“{name}”是绝对路径，不允许", inspection.Refusal);
    }

    [Fact]
    public void A_dot_dot_hidden_in_the_unicode_path_field_is_refused()
    {
        var zip = TestZips.Raw("safe.txt", [1, 2], extra: TestZips.UnicodePathExtra("../evil.txt", "safe.txt"));

        Assert.Equal("压缩包中的“safe.txt”含有“..”路径，不允许", Inspect(zip).Refusal);
    }

    [Fact]
    public void A_symbolic_link_entry_is_refused()
    {
        var zip = TestZips.WithEntry("link-to-etc", 10, unixMode: 0xA1FF);

        Assert.Equal("压缩包中的“link-to-etc”是符号链接，不允许", Inspect(zip).Refusal);
    }

    [Fact]
    public void An_encrypted_entry_is_refused()
    {
        var zip = TestZips.Raw("secret.txt", [9, 9, 9], flags: 0x0801);

        Assert.Equal("压缩包中的“secret.txt”已加密，无法检查；请去掉密码后重新打包", Inspect(zip).Refusal);
    }

    [Fact]
    public void A_name_with_a_nul_character_is_refused()
    {
        var zip = TestZips.Raw("run.sh\0.txt", [1]);

        Assert.Equal("压缩包中的“run.sh.txt”名称含有控制字符，不允许", Inspect(zip).Refusal);
    }

    [Fact]
    public void A_directory_that_lies_about_sizes_is_caught_when_verification_is_on()
    {
        var lying = TestZips.WithDeclaredSize(TestZips.Bomb, declaredUncompressed: 1024 * 1024);

        var inspection = Inspect(lying, new ZipLimits { VerifySizesByDecompressing = true });

        Assert.Equal("压缩包中的“zeros.bin”实际大小与目录记录不符，疑似伪造的压缩包", inspection.Refusal);
    }

    [Fact]
    public void A_directory_holding_more_entries_than_announced_is_refused_as_malformed()
    {
        var zip = TestZips.WithAnnouncedEntryCount(TestZips.WithFiles(("a.txt", [1]), ("b.txt", [2])), 1);

        Assert.Equal("压缩包已损坏或格式不受支持，请重新打包为标准 ZIP", Inspect(zip).Refusal);
    }

    [Fact]
    public void A_truncated_zip_is_refused_as_malformed()
    {
        var zip = TestZips.WithFiles(("a.txt", [1, 2, 3]));

        Assert.Equal("压缩包已损坏或格式不受支持，请重新打包为标准 ZIP", Inspect(zip[..^30]).Refusal);
    }
}
