
using ContestSite.Web.Files;

namespace ContestSite.Web.Tests.Files;

public sealed class DetectedFileTypesTests
{
    [Theory]
    [InlineData("proposal.hta", DetectedFileType.Pdf, "proposal.pdf")]
    [InlineData("proposal.pdf.hta", DetectedFileType.Pdf, "proposal.pdf")]
    [InlineData("方案.exe", DetectedFileType.Pdf, "方案.pdf")]
    [InlineData("方案", DetectedFileType.Pdf, "方案.pdf")]
    [InlineData("截图.html", DetectedFileType.Png, "截图.png")]
    [InlineData("photo.JPEG", DetectedFileType.Jpeg, "photo.JPEG")]
    [InlineData("photo.svg", DetectedFileType.Jpeg, "photo.jpg")]
    [InlineData("demo.mov", DetectedFileType.Mp4, "demo.mp4")]
    [InlineData("源代码.tar.gz", DetectedFileType.Zip, "源代码.tar.zip")]
    [InlineData("anim.webp.lnk", DetectedFileType.Webp, "anim.webp")]
    [InlineData(".hta", DetectedFileType.Gif, "hta.gif")]
    [InlineData("", DetectedFileType.Pdf, "未命名文件.pdf")]
    public void A_download_is_named_with_the_extension_of_its_detected_type(string uploaded, DetectedFileType type, string served)
    {
        Assert.Equal(served, DetectedFileTypes.DownloadName(uploaded, type));
    }

    [Fact]
    public void A_type_that_no_kind_accepts_is_never_served_under_an_executable_extension()
    {
        Assert.Equal("payload.bin", DetectedFileTypes.DownloadName("payload.exe", DetectedFileType.Unknown));
    }

    [Fact]
    public void A_long_name_keeps_the_detected_extension_when_it_is_shortened()
    {
        var name = DetectedFileTypes.DownloadName(new string('长', 300) + ".hta", DetectedFileType.Pdf);

        Assert.EndsWith(".pdf", name);
        Assert.True(name.Length <= 100);
    }

    [Theory]
    [InlineData("application/pdf", DetectedFileType.Pdf)]
    [InlineData("image/jpeg", DetectedFileType.Jpeg)]
    [InlineData("video/mp4", DetectedFileType.Mp4)]
    [InlineData("text/html", DetectedFileType.Unknown)]
    [InlineData(null, DetectedFileType.Unknown)]
    public void The_stored_content_type_gives_back_the_detected_type(string? contentType, DetectedFileType type)
    {
        Assert.Equal(type, DetectedFileTypes.FromContentType(contentType));
    }
}
