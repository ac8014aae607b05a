using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ContestSite.Web.Files;

/// <summary>One re-encoded thumbnail: the allowed width it was made for, its real size, and its bytes.</summary>
public sealed record RenderedThumbnail(int SlotWidth, int Width, int Height, string ContentType, byte[] Content);

public sealed record ThumbnailResult(string? Refusal, IReadOnlyList<RenderedThumbnail> Thumbnails)
{
    public bool Succeeded => Refusal is null;
}

/// <summary>
/// Decodes an inspected image and re-encodes it as WebP at each allowed width. Only these re-encoded
/// files are ever shown inline; the upload itself is served as an attachment. Metadata (EXIF with GPS,
/// XMP, IPTC, ICC) is dropped: the decoders skip it, and it is cleared again before encoding because
/// ImageSharp's encoders write whatever profiles an image carries.
/// </summary>
public sealed class ThumbnailMaker(ImageInspector inspector, ThumbnailSettings settings)
{
    public const string ContentType = "image/webp";

    public async Task<ThumbnailResult> MakeAsync(Stream source, CancellationToken cancellationToken = default)
    {
        var inspection = await inspector.InspectAsync(source, cancellationToken);
        if (!inspection.IsAcceptable) return new ThumbnailResult(inspection.Refusal, []);
        try
        {
            using var image = await Image.LoadAsync<Rgba32>(inspector.Configuration, source, cancellationToken);
            DropMetadata(image);
            var encoder = new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = settings.WebpQuality };
            var thumbnails = new List<RenderedThumbnail>();
            foreach (var slot in settings.Widths.Distinct().Order())
            {
                cancellationToken.ThrowIfCancellationRequested();
                thumbnails.Add(await RenderAsync(image, slot, encoder, cancellationToken));
            }
            return new ThumbnailResult(null, thumbnails);
        }
        // 2.1.13 decoders wrap the allocator's refusal in InvalidImageContentException ("possibly degenerate dimensions").
        catch (Exception exception) when (exception is InvalidMemoryOperationException || exception.InnerException is InvalidMemoryOperationException)
        {
            return new ThumbnailResult($"图片需要的内存超过上限（{inspector.Limits.AllocationLimitMegabytes} MB），无法处理", []);
        }
        catch (Exception exception) when (ImageInspector.IsBadImage(exception))
        {
            return new ThumbnailResult("图片已损坏，无法读取", []);
        }
        finally
        {
            source.Position = 0;
        }
    }

    /// <summary>Never enlarges: an image narrower than the slot is re-encoded at its own width.</summary>
    private static async Task<RenderedThumbnail> RenderAsync(Image<Rgba32> image, int slotWidth, WebpEncoder encoder, CancellationToken cancellationToken)
    {
        var width = Math.Min(slotWidth, image.Width);
        var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width));
        using var resized = image.Clone(context => context.Resize(width, height));
        DropMetadata(resized);
        using var output = new MemoryStream();
        await resized.SaveAsync(output, encoder, cancellationToken);
        return new RenderedThumbnail(slotWidth, width, height, ContentType, output.ToArray());
    }

    private static void DropMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }
}
