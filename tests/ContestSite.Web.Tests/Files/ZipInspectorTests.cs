using System.Buffers.Binary;
using System.Text;
using ContestSite.Web.Files;

namespace ContestSite.Web.Tests.Files;

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
    public void A_directory_whose_size_differs_from_the_local_header_is_refused()
    {
        var lying = TestZips.WithDeclaredSize(TestZips.Bomb, declaredUncompressed: 1024 * 1024);

        var inspection = Inspect(lying);

        Assert.Equal("压缩包中的“zeros.bin”本地文件头与目录记录不符（压缩方式、标志、大小或 CRC），疑似伪造的压缩包", inspection.Refusal);
    }

    [Fact]
    public void Headers_that_agree_on_a_false_size_are_caught_by_decompressing_without_any_setting()
    {
        var lying = HandMadeZip.Write(new HandMadeZip.Entry("zeros.bin", new byte[5 * 1024 * 1024]) { DeclaredSize = 1000 });

        var inspection = Inspect(lying);

        Assert.Equal("压缩包中的“zeros.bin”实际大小与目录记录不符，疑似伪造的压缩包", inspection.Refusal);
    }

    [Fact]
    public void An_entry_shorter_than_its_headers_say_is_refused()
    {
        var lying = HandMadeZip.Write(new HandMadeZip.Entry("short.txt", "only a few bytes"u8.ToArray()) { DeclaredSize = 1000 });

        Assert.Equal("压缩包中的“short.txt”实际大小与目录记录不符，疑似伪造的压缩包", Inspect(lying).Refusal);
    }

    [Fact]
    public void An_entry_whose_bytes_do_not_match_its_crc_is_refused()
    {
        var altered = HandMadeZip.Write(new HandMadeZip.Entry("main.py", "print('hi')"u8.ToArray()) { DeclaredCrc = 0x12345678 });

        Assert.Equal("压缩包中的“main.py”CRC 校验不符，文件已损坏或被改动，请重新打包", Inspect(altered).Refusal);
    }

    public static TheoryData<string, byte[]> HonestShapes() => new()
    {
        { "deflated and stored entries", HandMadeZip.Write(Text("a.txt"), Text("b.txt") with { Deflate = false }, new HandMadeZip.Entry("dir/", [])) },
        { "data descriptors with their signature", HandMadeZip.Write(Text("a.txt") with { DataDescriptor = true }, Text("b.txt") with { DataDescriptor = true }) },
        { "data descriptors without a signature", HandMadeZip.Write(Text("a.txt") with { DataDescriptor = true, DescriptorSignature = false }) },
        { "ZIP64 fields in both headers", HandMadeZip.Write(Text("a.txt") with { Zip64 = true }, Text("b.txt") with { Zip64 = true }) },
        { "ZIP64 fields with a data descriptor", HandMadeZip.Write(Text("a.txt") with { Zip64 = true, DataDescriptor = true }) },
        { "ZIP64 end records nothing needed", HandMadeZip.Write([Text("a.txt")], zip64EndRecords: true) },
        { "an APK signing block before the directory", HandMadeZip.Write([Text("AndroidManifest.xml"), Text("classes.dex")], beforeDirectory: HandMadeZip.ApkSigningBlock()) },
        { "an archive comment", HandMadeZip.Write([Text("a.txt")], comment: "打包于 2020-10-31") },
        { "a name in an old code page without the UTF-8 flag", HandMadeZip.Write(Text("x") with { RawName = [0xCA, 0xFD, 0xBE, 0xDD, (byte)'.', (byte)'t', (byte)'x', (byte)'t'], Flags = 0 }) },
        { "ZipArchive streaming to a pipe (data descriptors)", StreamedByZipArchive() },
    };

    [Theory]
    [MemberData(nameof(HonestShapes))]
    public void Honest_zips_of_every_shape_writers_use_are_safe(string shape, byte[] zip)
    {
        var inspection = Inspect(zip);

        Assert.True(inspection.IsSafe, $"{shape}: {inspection.Refusal}");
    }

    [Fact]
    public void An_apk_signing_block_that_does_not_fill_the_gap_exactly_is_refused()
    {
        var block = HandMadeZip.ApkSigningBlock();
        var zip = HandMadeZip.Write([Text("classes.dex")], beforeDirectory: [.. new byte[7], .. block]);

        Assert.Equal("压缩包中有不属于任何文件的数据，疑似伪造或拼接的压缩包，请重新打包", Inspect(zip).Refusal);
    }

    [Fact]
    public void Two_directory_records_sharing_one_local_entry_are_refused()
    {
        var zip = HandMadeZip.Write(Text("a.txt"), Text("b.txt"));
        var second = LastIndexOf(zip, [0x50, 0x4b, 0x01, 0x02]);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(second + 42), 0);

        Assert.Equal("压缩包中的“b.txt”本地文件头里的名称与目录记录不同，疑似伪造的压缩包", Inspect(zip).Refusal);
    }

    [Fact]
    public void A_unicode_path_in_the_local_header_that_the_directory_does_not_have_is_refused()
    {
        var zip = HandMadeZip.Write(Text("safe.txt") with
        {
            LocalExtra = TestZips.UnicodePathExtra("../evil.txt", "safe.txt"),
            CentralExtra = TestZips.UnicodePathExtra("safe-too.txt", "safe.txt"),
        });

        Assert.Equal("压缩包中的“safe.txt”本地文件头里的名称与目录记录不同，疑似伪造的压缩包", Inspect(zip).Refusal);
    }

    [Theory]
    [InlineData("src/Main.java", "SRC/main.JAVA")]
    [InlineData("docs/café.md", "docs/cafe\u0301.md")]
    [InlineData("lib/", "lib")]
    [InlineData("a/b.txt", "a\\b.txt")]
    public void Names_that_extract_to_the_same_file_are_refused(string first, string second)
    {
        var zip = HandMadeZip.Write(Text(first), Text(second));

        Assert.StartsWith("压缩包中有重名的文件", Inspect(zip).Refusal);
    }

    private static HandMadeZip.Entry Text(string name) => new(name, Encoding.UTF8.GetBytes($"content of {name}\n" + new string('x', 200)));

    private static int LastIndexOf(byte[] bytes, byte[] pattern) => bytes.AsSpan().LastIndexOf(pattern);

    /// <summary>ZipArchive writes data descriptors when it cannot seek back to fill in the sizes.</summary>
    private static byte[] StreamedByZipArchive()
    {
        using var output = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(new ForwardOnly(output), System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "src/main.py", "README.md" })
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(name + new string('y', 5000)));
            }
        }
        return output.ToArray();
    }

    private sealed class ForwardOnly(Stream inner) : Stream
    {
        private long _written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _written += count;
        }
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
