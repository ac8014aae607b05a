namespace ContestSite.Web.Submissions.Files;

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
}
