using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;

namespace ContestSite.Web.Files;

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

    /// <summary>The name a download of an entry file carries: the uploader's name with the extension of its detected type.</summary>
    public static string DownloadName(SubmissionFile file) => DetectedFileTypes.DownloadName(file.FileName, DetectedFileTypes.FromContentType(file.ContentType));

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

    public static long MaxBytes(SubmissionFileKind kind, FileLimitsOptions options) => ByteSizeText.Megabyte * kind switch
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
        var expected = new LocalText(ExpectedText(kind));
        var message = detected switch
        {
            DetectedFileType.Empty => RuleResult.Refuse("文件是空的，{0}需要 {1}", new LocalText(DisplayName(kind)), expected),
            DetectedFileType.Unknown => RuleResult.Refuse("无法识别文件内容，不是 {0}", expected),
            _ => RuleResult.Refuse("文件内容是 {0}，不是 {1}", new LocalText(detected.DisplayName()), expected),
        };
        return FileCheck.Refuse(detected, message);
    }

    /// <summary>Null when the size fits the kind; otherwise the message.</summary>
    public static RuleResult? RefusalForSize(SubmissionFileKind kind, long sizeBytes, FileLimitsOptions options)
    {
        var max = MaxBytes(kind, options);
        return sizeBytes <= max ? null : RuleResult.Refuse("{0}不能超过 {1}（此文件 {2}）", new LocalText(DisplayName(kind)), ByteSizeText.Words(max), ByteSizeText.Words(sizeBytes));
    }

    /// <summary>Null when a new file fits the team's total for the round; otherwise the message.</summary>
    public static RuleResult? RefusalForTeamRoundTotal(long alreadyStoredBytes, long newFileBytes, FileLimitsOptions options)
    {
        var max = options.TeamRoundMaxMegabytes * ByteSizeText.Megabyte;
        return alreadyStoredBytes + newFileBytes <= max
            ? null
            : RuleResult.Refuse("本轮作品的文件合计不能超过 {0}（已用 {1}，此文件 {2}）", ByteSizeText.Words(max), ByteSizeText.Words(alreadyStoredBytes), ByteSizeText.Words(newFileBytes));
    }

    /// <summary>Null when one more screenshot is allowed; otherwise the message.</summary>
    public static RuleResult? RefusalForScreenshotCount(int existingScreenshots, FileLimitsOptions options) =>
        existingScreenshots < options.MaxScreenshots ? null : RuleResult.Refuse("截图最多 {0} 张", options.MaxScreenshots);
}
