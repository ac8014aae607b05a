using ContestSite.Web.Files;
using SixLabors.ImageSharp;

namespace ContestSite.Web.Tests.Files;

public sealed class ThumbnailMakerTests
{
    private static ThumbnailResult Make(byte[] image, ImageLimits? limits = null)
    {
        var maker = new ThumbnailMaker(new ImageInspector(limits ?? new ImageLimits()), new ThumbnailSettings());
        using var stream = new MemoryStream(image, writable: false);
        return maker.MakeAsync(stream).GetAwaiter().GetResult();
    }

    [Fact]
    public void A_photo_with_gps_becomes_webp_thumbnails_of_the_allowed_widths_without_exif()
    {
        var photo = TestImages.JpegWithGps(1600, 1200);
        Assert.NotNull(Image.Identify(photo).Metadata.ExifProfile);

        var result = Make(photo);

        Assert.Equal([(320, 240), (640, 480), (1280, 960)], result.Thumbnails.Select(t => (t.Width, t.Height)));
        foreach (var thumbnail in result.Thumbnails)
        {
            Assert.Equal(DetectedFileType.Webp, ContentSniffer.Sniff(thumbnail.Content));
            var info = Image.Identify(thumbnail.Content);
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.XmpProfile);
        }
    }

    [Fact]
    public void A_small_png_is_never_enlarged()
    {
        var result = Make(TestImages.Png(200, 100));

        Assert.Equal([(320, 200), (640, 200), (1280, 200)], result.Thumbnails.Select(t => (t.SlotWidth, t.Width)));
    }

    [Fact]
    public void A_refused_image_makes_no_thumbnails()
    {
        var result = Make(TestImages.PngHeaderOnly(50_000, 50_000));

        Assert.Equal("图片尺寸 50000×50000 超过上限 8000×8000", result.Refusal);
        Assert.Empty(result.Thumbnails);
    }

    [Fact]
    public void The_allocation_limit_stops_a_decode_larger_than_it_allows()
    {
        var result = Make(TestImages.Png(1000, 1000), new ImageLimits { AllocationLimitMegabytes = 1 });

        Assert.Equal("图片需要的内存超过上限（1 MB），无法处理", result.Refusal);
    }
}
