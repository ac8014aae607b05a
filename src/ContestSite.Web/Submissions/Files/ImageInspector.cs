using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace ContestSite.Web.Submissions.Files;

/// <summary>What an image claims to be, read from its header; or why it is refused.</summary>
public sealed record ImageInspection(string? Refusal, DetectedFileType Detected, int Width, int Height, int Frames)
{
    public bool IsAcceptable => Refusal is null;
}

/// <summary>
/// Checks an image before anything decodes its pixels: the type by content, the dimensions from the
/// header (Image.Identify) against caps, and the GIF frame count. Decoding happens only afterwards,
/// in <see cref="ThumbnailMaker"/>, under the same restricted configuration.
/// </summary>
public sealed class ImageInspector(ImageLimits limits)
{
    private static readonly DetectedFileType[] Decodable = [DetectedFileType.Png, DetectedFileType.Jpeg, DetectedFileType.Gif, DetectedFileType.Webp];

    public Configuration Configuration { get; } = RestrictedImageConfiguration.Create(limits);

    public ImageLimits Limits => limits;

    /// <summary>Inspects a seekable stream and leaves its position at the start.</summary>
    public async Task<ImageInspection> InspectAsync(Stream image, CancellationToken cancellationToken = default)
    {
        if (!image.CanSeek) throw new ArgumentException("image inspection needs a seekable stream", nameof(image));
        image.Position = 0;
        var detected = await ContentSniffer.SniffAsync(image, cancellationToken);
        if (!Decodable.Contains(detected)) return Refuse(detected, $"文件内容是 {detected.DisplayName()}，不是 PNG、JPEG、GIF 或 WebP 图片");

        var frames = 1;
        if (detected == DetectedFileType.Gif)
        {
            frames = GifFrameCounter.Count(image, limits.MaxGifFrames + 1);
            if (frames > limits.MaxGifFrames) return Refuse(detected, $"GIF 动画超过 {limits.MaxGifFrames} 帧，请减少帧数");
        }

        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(Configuration, image, cancellationToken);
        }
        catch (Exception exception) when (IsBadImage(exception))
        {
            return Refuse(detected, "图片已损坏，无法读取");
        }
        finally
        {
            image.Position = 0;
        }
        if (info is null) return Refuse(detected, "图片已损坏，无法读取");
        var refusal = RefusalForDimensions(info.Width, info.Height);
        return new ImageInspection(refusal, detected, info.Width, info.Height, frames);
    }

    private string? RefusalForDimensions(int width, int height)
    {
        if (width <= 0 || height <= 0) return "图片已损坏，无法读取";
        if (width > limits.MaxWidth || height > limits.MaxHeight)
            return $"图片尺寸 {width}×{height} 超过上限 {limits.MaxWidth}×{limits.MaxHeight}";
        if ((long)width * height > limits.MaxPixels)
            return $"图片像素 {width}×{height} 超过上限 {limits.MaxPixels / 1_000_000} 百万像素";
        return null;
    }

    internal static bool IsBadImage(Exception exception) =>
        exception is ImageFormatException or InvalidMemoryOperationException or NotSupportedException or EndOfStreamException or ArgumentException;

    private static ImageInspection Refuse(DetectedFileType detected, string refusal) => new(refusal, detected, 0, 0, 0);
}
