using System.Diagnostics;
using ContestSite.Web.Files;
using SixLabors.ImageSharp;

namespace ContestSite.Web.Tests.Files;

public sealed class ImageInspectorTests
{
    private static ImageInspection Inspect(byte[] image, ImageLimits? limits = null)
    {
        using var stream = new MemoryStream(image, writable: false);
        return new ImageInspector(limits ?? new ImageLimits()).InspectAsync(stream).GetAwaiter().GetResult();
    }

    [Fact]
    public void The_configuration_knows_only_png_jpeg_gif_and_webp()
    {
        var inspector = new ImageInspector(new ImageLimits());

        var formats = inspector.Configuration.ImageFormats.Select(f => f.Name.ToUpperInvariant()).Order();

        Assert.Equal(["GIF", "JPEG", "PNG", "WEBP"], formats);
    }

    [Fact]
    public void A_tiff_is_unknown_to_the_configuration_even_past_the_sniffer()
    {
        var inspector = new ImageInspector(new ImageLimits());
        using var tiff = new MemoryStream(TestImages.Tiff());

        Assert.Null(Image.Identify(inspector.Configuration, tiff));
    }

    [Fact]
    public void A_png_header_claiming_50000_by_50000_is_refused_without_decoding()
    {
        var png = TestImages.PngHeaderOnly(50_000, 50_000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var timer = Stopwatch.StartNew();

        var inspection = Inspect(png);

        Assert.Equal("图片尺寸 50000×50000 超过上限 8000×8000", inspection.Refusal);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"took {timer.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 32 * 1024 * 1024, "allocated like a decode");
    }

    [Fact]
    public void An_image_within_both_sides_but_above_the_pixel_cap_is_refused()
    {
        var inspection = Inspect(TestImages.PngHeaderOnly(7000, 7000));

        Assert.Equal("图片像素 7000×7000 超过上限 40 百万像素", inspection.Refusal);
    }

    [Fact]
    public void A_gif_of_10000_frames_is_refused()
    {
        var timer = Stopwatch.StartNew();

        var inspection = Inspect(TestImages.Gif(10_000));

        Assert.Equal("GIF 动画超过 300 帧，请减少帧数", inspection.Refusal);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"took {timer.Elapsed}");
    }

    [Fact]
    public void A_short_gif_is_accepted_with_its_frames_counted()
    {
        var inspection = Inspect(TestImages.Gif(3));

        Assert.Null(inspection.Refusal);
        Assert.Equal((1, 1, 3), (inspection.Width, inspection.Height, inspection.Frames));
    }

    [Fact]
    public void A_tiff_renamed_png_is_refused()
    {
        Assert.Equal("文件内容是 TIFF 图片，不是 PNG、JPEG、GIF 或 WebP 图片", Inspect(TestImages.Tiff()).Refusal);
    }

    [Fact]
    public void An_svg_with_script_is_refused()
    {
        Assert.Equal("文件内容是 SVG 图形，不是 PNG、JPEG、GIF 或 WebP 图片", Inspect(TestImages.SvgWithScript()).Refusal);
    }

    [Fact]
    public void A_png_cut_off_after_its_signature_is_refused_as_damaged()
    {
        Assert.Equal("图片已损坏，无法读取", Inspect(TestImages.Png(20, 20)[..12]).Refusal);
    }

    [Fact]
    public void A_real_jpeg_is_accepted_with_its_size()
    {
        var inspection = Inspect(TestImages.JpegWithGps(64, 48));

        Assert.Equal((DetectedFileType.Jpeg, 64, 48), (inspection.Detected, inspection.Width, inspection.Height));
    }
}
