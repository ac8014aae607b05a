using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace ContestSite.Web.Files;

/// <summary>
/// An ImageSharp 2.1.13 configuration that knows only PNG, JPEG, GIF and WebP. 2.1.13 is the last
/// free release and has unfixed TIFF and ICC-profile advisories, so TIFF, BMP, TGA and PBM are not
/// even registered, and decoders skip metadata (which is where ICC profiles are parsed).
/// </summary>
internal static class RestrictedImageConfiguration
{
    public static Configuration Create(ImageLimits limits)
    {
        var configuration = new Configuration(
            new PngConfigurationModule(), new JpegConfigurationModule(), new GifConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = limits.AllocationLimitMegabytes }),
        };
        var formats = configuration.ImageFormatsManager;
        formats.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        formats.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        formats.SetDecoder(WebpFormat.Instance, new WebpDecoder { IgnoreMetadata = true });
        // Thumbnails need only the first frame; MaxFrames is a second cap behind GifFrameCounter.
        formats.SetDecoder(GifFormat.Instance, new GifDecoder
        {
            IgnoreMetadata = true,
            DecodingMode = FrameDecodingMode.First,
            MaxFrames = (uint)limits.MaxGifFrames,
        });
        return configuration;
    }
}
