using ContestSite.Web.Storage;

namespace ContestSite.Web.Files;

/// <summary>What a file's bytes say it is, whatever its name or the Content-Type the browser sent.</summary>
public enum DetectedFileType
{
    Empty,
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Mp4,
    OtherIsoMedia,
    Zip,
    Tiff,
    Html,
    Svg,
    Executable,
}

public static class DetectedFileTypes
{
    public static string DisplayName(this DetectedFileType type) => type switch
    {
        DetectedFileType.Empty => "空文件",
        DetectedFileType.Pdf => "PDF",
        DetectedFileType.Png => "PNG 图片",
        DetectedFileType.Jpeg => "JPEG 图片",
        DetectedFileType.Gif => "GIF 图片",
        DetectedFileType.Webp => "WebP 图片",
        DetectedFileType.Mp4 => "MP4 视频",
        DetectedFileType.OtherIsoMedia => "非 MP4 的媒体格式（如 MOV、HEIC）",
        DetectedFileType.Zip => "ZIP 压缩包",
        DetectedFileType.Tiff => "TIFF 图片",
        DetectedFileType.Html => "HTML 网页",
        DetectedFileType.Svg => "SVG 图形",
        DetectedFileType.Executable => "可执行程序",
        _ => "无法识别的格式",
    };

    /// <summary>The type the file is stored and served with; only types some kind accepts have one.</summary>
    public static string? ContentType(this DetectedFileType type) => type switch
    {
        DetectedFileType.Pdf => "application/pdf",
        DetectedFileType.Png => "image/png",
        DetectedFileType.Jpeg => "image/jpeg",
        DetectedFileType.Gif => "image/gif",
        DetectedFileType.Webp => "image/webp",
        DetectedFileType.Mp4 => "video/mp4",
        DetectedFileType.Zip => "application/zip",
        _ => null,
    };

    /// <summary>The detected type of a stored content type (the inverse of <see cref="ContentType"/>).</summary>
    public static DetectedFileType FromContentType(string? contentType) =>
        Enum.GetValues<DetectedFileType>().FirstOrDefault(t => t.ContentType() is { } known && string.Equals(known, contentType, StringComparison.OrdinalIgnoreCase), DetectedFileType.Unknown);

    /// <summary>The extensions a file of this type is served with; the first is the one given when the uploader's name has none of them.</summary>
    public static IReadOnlyList<string> Extensions(this DetectedFileType type) => type switch
    {
        DetectedFileType.Pdf => [".pdf"],
        DetectedFileType.Png => [".png"],
        DetectedFileType.Jpeg => [".jpg", ".jpeg"],
        DetectedFileType.Gif => [".gif"],
        DetectedFileType.Webp => [".webp"],
        DetectedFileType.Mp4 => [".mp4"],
        DetectedFileType.Zip => [".zip"],
        _ => [".bin"],
    };

    /// <summary>
    /// The name a download is offered under: the uploader's name, with the extension of what the bytes are.
    /// A PDF uploaded as <c>proposal.hta</c> is served as <c>proposal.pdf</c>, so no name makes the browser or
    /// the desktop open the file as something else. A name that already has a fitting extension is kept.
    /// </summary>
    public static string DownloadName(string? originalName, DetectedFileType type)
    {
        var name = FileNames.Clean(originalName);
        var extensions = type.Extensions();
        var current = Path.GetExtension(name);
        if (extensions.Contains(current, StringComparer.OrdinalIgnoreCase)) return name;
        var stem = Path.GetFileNameWithoutExtension(name);
        // "proposal.pdf.hta": dropping the disguise leaves a name that already fits.
        if (extensions.Contains(Path.GetExtension(stem), StringComparer.OrdinalIgnoreCase)) return FileNames.Clean(stem);
        if (stem.Length == 0) stem = FileNames.Fallback;
        return FileNames.Clean(stem + extensions[0]);
    }
}
