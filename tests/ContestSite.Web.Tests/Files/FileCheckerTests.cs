using ContestSite.Core.Submissions;
using System.Text;
using ContestSite.Web.Files;
using ContestSite.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Files;

/// <summary>The bad inputs of the submissions issue that belong to checking, sent through the one call the endpoints make.</summary>
public sealed class FileCheckerTests
{
    private static FileCheck Check(SubmissionFileKind kind, byte[] content, FileLimitsOptions? options = null)
    {
        options ??= new FileLimitsOptions();
        var checker = new FileChecker(Options.Create(options), new ZipInspector(options.Zip, Path.GetTempPath()), new ImageInspector(options.Images));
        using var stream = new MemoryStream(content, writable: false);
        return checker.CheckAsync(kind, stream).GetAwaiter().GetResult();
    }

    [Fact]
    public void Html_renamed_pdf_is_refused_as_a_proposal()
    {
        var html = Encoding.UTF8.GetBytes("\uFEFF\n<!DOCTYPE html><html><script>location='https://evil.example'</script></html>");

        Assert.Equal("文件内容是 HTML 网页，不是 PDF", Check(SubmissionFileKind.Proposal, html).Refusal);
    }

    [Fact]
    public void A_real_pdf_is_accepted_and_stored_as_application_pdf()
    {
        var check = Check(SubmissionFileKind.Proposal, Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"));

        Assert.True(check.IsAccepted);
        Assert.Equal("application/pdf", check.ContentType);
    }

    [Fact]
    public void A_tiff_renamed_png_is_refused_as_a_screenshot()
    {
        Assert.Equal("文件内容是 TIFF 图片，不是 PNG、JPEG 或 WebP 图片", Check(SubmissionFileKind.Screenshot, TestImages.Tiff()).Refusal);
    }

    [Fact]
    public void An_svg_with_script_is_refused_as_a_screenshot()
    {
        Assert.Equal("文件内容是 SVG 图形，不是 PNG、JPEG 或 WebP 图片", Check(SubmissionFileKind.Screenshot, TestImages.SvgWithScript()).Refusal);
    }

    [Fact]
    public void A_png_claiming_50000_by_50000_is_refused_as_a_screenshot()
    {
        Assert.Equal("图片尺寸 50000×50000 超过上限 8000×8000", Check(SubmissionFileKind.Screenshot, TestImages.PngHeaderOnly(50_000, 50_000)).Refusal);
    }

    [Fact]
    public void A_gif_of_10000_frames_is_refused_as_a_screenshot()
    {
        Assert.Equal("文件内容是 GIF 图片，不是 PNG、JPEG 或 WebP 图片", Check(SubmissionFileKind.Screenshot, TestImages.Gif(10_000)).Refusal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_as_a_source_package()
    {
        Assert.StartsWith("压缩包中的“zeros.bin”压缩比超过 100:1", Check(SubmissionFileKind.SourcePackage, TestZips.Bomb).Refusal);
    }

    [Fact]
    public void A_zip_with_a_dot_dot_entry_is_refused_as_a_source_package()
    {
        Assert.Equal("压缩包中的“../evil.txt”含有“..”路径，不允许", Check(SubmissionFileKind.SourcePackage, TestZips.WithFiles(("../evil.txt", [1]))).Refusal);
    }

    [Fact]
    public void A_zip_with_an_absolute_entry_is_refused_as_a_source_package()
    {
        Assert.Equal("压缩包中的“/etc/passwd”是绝对路径，不允许", Check(SubmissionFileKind.SourcePackage, TestZips.WithFiles(("/etc/passwd", [1]))).Refusal);
    }

    [Fact]
    public void A_screenshot_over_the_image_limit_is_refused_before_it_is_inspected()
    {
        var options = new FileLimitsOptions { ImageMaxMegabytes = 1 };

        var refusal = Check(SubmissionFileKind.Screenshot, TestImages.Png(700, 700, noise: true), options).Refusal;

        Assert.StartsWith("截图不能超过 1 MB（此文件 1.", refusal);
    }

    [Fact]
    public void A_real_screenshot_and_an_mp4_are_accepted()
    {
        Assert.Equal("image/png", Check(SubmissionFileKind.Screenshot, TestImages.Png(64, 64)).ContentType);
        Assert.Equal("video/mp4", Check(SubmissionFileKind.Video, ContentSnifferTests.Mp4Head("isom", "mp42")).ContentType);
    }

    [Fact]
    public void Registration_builds_the_checker_and_rejects_invalid_limits_at_start()
    {
        var valid = Provider(new Dictionary<string, string?> { ["ContestSite:Submissions:Files:ProposalMaxMegabytes"] = "20" });
        Assert.NotNull(valid.GetRequiredService<FileChecker>());
        Assert.Equal(20, valid.GetRequiredService<IOptions<FileLimitsOptions>>().Value.ProposalMaxMegabytes);

        var invalid = Provider(new Dictionary<string, string?> { ["ContestSite:Submissions:Files:Zip:MaxEntries"] = "0" });
        Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<FileLimitsOptions>>().Value);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(new AppDataPaths(Path.GetTempPath(), "contestsite-filecheck-tests"));
        services.AddFileChecks(configuration);
        return services.BuildServiceProvider();
    }
}
