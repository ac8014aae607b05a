using ContestSite.Core.Rules;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace ContestSite.Web.Files;

/// <summary>What an image claims to be, read from its header; or why it is refused.</summary>
public sealed record ImageInspection(RuleResult? Reason, DetectedFileType Detected, int Width, int Height, int Frames)
{
    public bool IsAcceptable => Reason is null;

    /// <summary>The refusal in Chinese; users get <see cref="Reason"/> translated.</summary>
    public string? Refusal => Reason?.ChineseText;
}

/// <summary>
/// Checks an image before anything decodes its pixels: the type by content, the dimensions from the
/// header (Image.Identify) against caps, and the GIF frame count. Decoding happens only afterwards,
/// in <see cref="ThumbnailMaker"/>, under the same restricted configuration.
/// </summary>
public sealed class ImageInspector(ImageLimits limits)
{
    private static readonly RuleResult Damaged = RuleResult.Refuse("图片已损坏，无法读取");
    private static readonly DetectedFileType[] Decodable = [DetectedFileType.Png, DetectedFileType.Jpeg, DetectedFileType.Gif, DetectedFileType.Webp];

    public Configuration Configuration { get; } = RestrictedImageConfiguration.Create(limits);

    public ImageLimits Limits => limits;

    /// <summary>Inspects a seekable stream and leaves its position at the start.</summary>
    public async Task<ImageInspection> InspectAsync(Stream image, CancellationToken cancellationToken = default)
    {
        if (!image.CanSeek) throw new ArgumentException("image inspection needs a seekable stream", nameof(image));
        image.Position = 0;
        var detected = await ContentSniffer.SniffAsync(image, cancellationToken);
        if (!Decodable.Contains(detected)) return Refuse(detected, RuleResult.Refuse("文件内容是 {0}，不是 {1}", new LocalText(detected.DisplayName()), new LocalText("PNG、JPEG、GIF 或 WebP 图片")));

        var frames = 1;
        if (detected == DetectedFileType.Gif)
        {
            frames = GifFrameCounter.Count(image, limits.MaxGifFrames + 1);
            if (frames > limits.MaxGifFrames) return Refuse(detected, RuleResult.Refuse("GIF 动画超过 {0} 帧，请减少帧数", limits.MaxGifFrames));
        }

        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(Configuration, image, cancellationToken);
        }
        catch (Exception exception) when (IsBadImage(exception))
        {
            return Refuse(detected, Damaged);
        }
        finally
        {
            image.Position = 0;
        }
        if (info is null) return Refuse(detected, Damaged);
        var refusal = RefusalForDimensions(info.Width, info.Height);
        return new ImageInspection(refusal, detected, info.Width, info.Height, frames);
    }

    private RuleResult? RefusalForDimensions(int width, int height)
    {
        if (width <= 0 || height <= 0) return Damaged;
        if (width > limits.MaxWidth || height > limits.MaxHeight)
            return RuleResult.Refuse("图片尺寸 {0}×{1} 超过上限 {2}×{3}", width, height, limits.MaxWidth, limits.MaxHeight);
        if ((long)width * height > limits.MaxPixels)
            return RuleResult.Refuse("图片像素 {0}×{1} 超过上限 {2} 百万像素", width, height, limits.MaxPixels / 1_000_000);
        return null;
    }

    internal static bool IsBadImage(Exception exception) =>
        exception is ImageFormatException or InvalidMemoryOperationException or NotSupportedException or EndOfStreamException or ArgumentException;

    private static ImageInspection Refuse(DetectedFileType detected, RuleResult refusal) => new(refusal, detected, 0, 0, 0);
}
