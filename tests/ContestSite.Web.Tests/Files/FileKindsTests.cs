using ContestSite.Core.Submissions;
using ContestSite.Web.Files;

namespace ContestSite.Web.Tests.Files;

public sealed class FileKindsTests
{
    private static readonly FileLimitsOptions Defaults = new();

    [Fact]
    public void Default_limits_are_those_of_the_contest_rules()
    {
        Assert.Equal(50 * ByteSizeText.Megabyte, FileKinds.MaxBytes(SubmissionFileKind.Proposal, Defaults));
        Assert.Equal(10 * ByteSizeText.Megabyte, FileKinds.MaxBytes(SubmissionFileKind.Screenshot, Defaults));
        Assert.Equal(500 * ByteSizeText.Megabyte, FileKinds.MaxBytes(SubmissionFileKind.Video, Defaults));
        Assert.Equal(200 * ByteSizeText.Megabyte, FileKinds.MaxBytes(SubmissionFileKind.SourcePackage, Defaults));
        Assert.Equal(8, Defaults.MaxScreenshots);
    }

    [Fact]
    public void A_file_over_its_kind_limit_gets_a_message_with_both_sizes()
    {
        Assert.Equal("截图不能超过 10 MB（此文件 10.5 MB）", FileKinds.RefusalForSize(SubmissionFileKind.Screenshot, 10 * ByteSizeText.Megabyte + 512 * 1024, Defaults)?.ChineseText);
        Assert.Null(FileKinds.RefusalForSize(SubmissionFileKind.Screenshot, 10 * ByteSizeText.Megabyte, Defaults));
    }

    [Fact]
    public void The_team_total_for_a_round_is_capped_at_one_gigabyte()
    {
        Assert.Equal("本轮作品的文件合计不能超过 1 GB（已用 900 MB，此文件 200 MB）",
            FileKinds.RefusalForTeamRoundTotal(900 * ByteSizeText.Megabyte, 200 * ByteSizeText.Megabyte, Defaults)?.ChineseText);
        Assert.Null(FileKinds.RefusalForTeamRoundTotal(824 * ByteSizeText.Megabyte, 200 * ByteSizeText.Megabyte, Defaults));
    }

    [Fact]
    public void A_ninth_screenshot_is_refused()
    {
        Assert.Null(FileKinds.RefusalForScreenshotCount(7, Defaults));
        Assert.Equal("截图最多 8 张", FileKinds.RefusalForScreenshotCount(8, Defaults)?.ChineseText);
    }

    [Theory]
    [InlineData(SubmissionFileKind.Proposal, DetectedFileType.Html, "文件内容是 HTML 网页，不是 PDF")]
    [InlineData(SubmissionFileKind.Screenshot, DetectedFileType.Gif, "文件内容是 GIF 图片，不是 PNG、JPEG 或 WebP 图片")]
    [InlineData(SubmissionFileKind.Video, DetectedFileType.OtherIsoMedia, "文件内容是 非 MP4 的媒体格式（如 MOV、HEIC），不是 MP4 视频")]
    [InlineData(SubmissionFileKind.SourcePackage, DetectedFileType.Executable, "文件内容是 可执行程序，不是 ZIP 压缩包")]
    [InlineData(SubmissionFileKind.SourcePackage, DetectedFileType.Unknown, "无法识别文件内容，不是 ZIP 压缩包")]
    [InlineData(SubmissionFileKind.Proposal, DetectedFileType.Empty, "文件是空的，方案书需要 PDF")]
    public void A_type_that_does_not_fit_the_kind_gets_a_clear_message(SubmissionFileKind kind, DetectedFileType detected, string message)
    {
        var check = FileKinds.CheckType(kind, detected);

        Assert.False(check.IsAccepted);
        Assert.Equal(message, check.Refusal);
    }
}
