using ContestSite.Core.Submissions;

namespace ContestSite.Web.Submissions.Files;

/// <summary>What each kind accepts and how large it may be; the rules, not the storage.</summary>
public static class FileKinds
{
    public static IReadOnlyList<DetectedFileType> AcceptedTypes(SubmissionFileKind kind) => kind switch
    {
        SubmissionFileKind.Proposal => [DetectedFileType.Pdf],
        SubmissionFileKind.Screenshot => [DetectedFileType.Png, DetectedFileType.Jpeg, DetectedFileType.Webp],
        SubmissionFileKind.Video => [DetectedFileType.Mp4],
        SubmissionFileKind.SourcePackage => [DetectedFileType.Zip],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(SubmissionFileKind kind) => kind switch
    {
        SubmissionFileKind.Proposal => "方案书",
        SubmissionFileKind.Screenshot => "截图",
        SubmissionFileKind.Video => "演示视频",
        SubmissionFileKind.SourcePackage => "源代码包",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>How the accepted types read in a message: "PDF", "PNG、JPEG 或 WebP 图片".</summary>
    public static string ExpectedText(SubmissionFileKind kind) => kind switch
    {
        SubmissionFileKind.Proposal => "PDF",
        SubmissionFileKind.Screenshot => "PNG、JPEG 或 WebP 图片",
        SubmissionFileKind.Video => "MP4 视频",
        SubmissionFileKind.SourcePackage => "ZIP 压缩包",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static long MaxBytes(SubmissionFileKind kind, SubmissionFileOptions options) => ByteSizeText.Megabyte * kind switch
    {
        SubmissionFileKind.Proposal => options.ProposalMaxMegabytes,
        SubmissionFileKind.Screenshot => options.ImageMaxMegabytes,
        SubmissionFileKind.Video => options.VideoMaxMegabytes,
        SubmissionFileKind.SourcePackage => options.SourcePackageMaxMegabytes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static FileCheck CheckType(SubmissionFileKind kind, DetectedFileType detected)
    {
        if (AcceptedTypes(kind).Contains(detected)) return FileCheck.Accept(detected);
        var message = detected switch
        {
            DetectedFileType.Empty => $"文件是空的，{DisplayName(kind)}需要 {ExpectedText(kind)}",
            DetectedFileType.Unknown => $"无法识别文件内容，不是 {ExpectedText(kind)}",
            _ => $"文件内容是 {detected.DisplayName()}，不是 {ExpectedText(kind)}",
        };
        return FileCheck.Refuse(detected, message);
    }

    /// <summary>Null when the size fits the kind; otherwise the message.</summary>
    public static string? RefusalForSize(SubmissionFileKind kind, long sizeBytes, SubmissionFileOptions options)
    {
        var max = MaxBytes(kind, options);
        return sizeBytes <= max ? null : $"{DisplayName(kind)}不能超过 {ByteSizeText.Format(max)}（此文件 {ByteSizeText.Format(sizeBytes)}）";
    }

    /// <summary>Null when a new file fits the team's total for the round; otherwise the message.</summary>
    public static string? RefusalForTeamRoundTotal(long alreadyStoredBytes, long newFileBytes, SubmissionFileOptions options)
    {
        var max = options.TeamRoundMaxMegabytes * ByteSizeText.Megabyte;
        return alreadyStoredBytes + newFileBytes <= max
            ? null
            : $"本轮作品的文件合计不能超过 {ByteSizeText.Format(max)}（已用 {ByteSizeText.Format(alreadyStoredBytes)}，此文件 {ByteSizeText.Format(newFileBytes)}）";
    }

    /// <summary>Null when one more screenshot is allowed; otherwise the message.</summary>
    public static string? RefusalForScreenshotCount(int existingScreenshots, SubmissionFileOptions options) =>
        existingScreenshots < options.MaxScreenshots ? null : $"截图最多 {options.MaxScreenshots} 张";
}
