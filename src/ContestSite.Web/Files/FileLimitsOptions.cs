using System.ComponentModel.DataAnnotations;

namespace ContestSite.Web.Files;

/// <summary>
/// Limits on uploaded files (sizes per kind, zips, images) and the thumbnail widths, bound from the
/// "ContestSite:Submissions:Files" section: the key keeps the name it was documented under.
/// </summary>
public sealed class FileLimitsOptions
{
    public const string Section = "ContestSite:Submissions:Files";

    [Range(1, 10_000)] public int ProposalMaxMegabytes { get; set; } = 50;
    [Range(1, 10_000)] public int ImageMaxMegabytes { get; set; } = 10;
    [Range(1, 100_000)] public int VideoMaxMegabytes { get; set; } = 500;
    [Range(1, 100_000)] public int SourcePackageMaxMegabytes { get; set; } = 200;
    [Range(1, 1_000_000)] public int TeamRoundMaxMegabytes { get; set; } = 1024;
    [Range(1, 100)] public int MaxScreenshots { get; set; } = 8;

    public ZipLimits Zip { get; set; } = new();
    public ImageLimits Images { get; set; } = new();
    public ThumbnailSettings Thumbnails { get; set; } = new();
}

public sealed class ZipLimits
{
    [Range(1, 1_000_000)] public int MaxEntries { get; set; } = 10_000;
    [Range(1, long.MaxValue)] public long MaxTotalUncompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    [Range(2, 100_000)] public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// Entries smaller than this are exempt from the per-entry ratio: a tiny file of repeated text can
    /// legitimately compress very well, and alone it cannot be a bomb (the totals still bound it).
    /// </summary>
    [Range(0, long.MaxValue)] public long RatioCheckMinimumBytes { get; set; } = 1024 * 1024;

    /// <summary>How deep archives inside the package (lib.jar, data.zip) are opened and checked in turn.</summary>
    [Range(0, 5)] public int MaxNestingDepth { get; set; } = 3;
}

public sealed class ImageLimits
{
    [Range(1, 100_000)] public int MaxWidth { get; set; } = 8000;
    [Range(1, 100_000)] public int MaxHeight { get; set; } = 8000;
    [Range(1, long.MaxValue)] public long MaxPixels { get; set; } = 40_000_000;
    [Range(1, 100_000)] public int MaxGifFrames { get; set; } = 300;

    /// <summary>Largest single buffer ImageSharp may allocate; a backstop if a header lies about the size.</summary>
    [Range(1, 4096)] public int AllocationLimitMegabytes { get; set; } = 256;
}

public sealed class ThumbnailSettings
{
    /// <summary>The only widths ever produced, so nobody can ask the site to render arbitrary sizes.</summary>
    [MinLength(1)] public int[] Widths { get; set; } = [320, 640, 1280];
    [Range(1, 100)] public int WebpQuality { get; set; } = 80;
    [Range(1, 100_000)] public int QueueCapacity { get; set; } = 256;
    [Range(1, 64)] public int Workers { get; set; } = 2;
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")] public TimeSpan JobTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
