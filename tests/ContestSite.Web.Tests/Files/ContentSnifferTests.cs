using System.Text;
using ContestSite.Web.Files;

namespace ContestSite.Web.Tests.Files;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", DetectedFileType.Pdf)]
    [InlineData("PK\u0005\u0006", DetectedFileType.Zip)]
    [InlineData("GIF89a", DetectedFileType.Gif)]
    [InlineData("II*\0", DetectedFileType.Tiff)]
    [InlineData("MM\0*", DetectedFileType.Tiff)]
    [InlineData("MZ\u0090\0", DetectedFileType.Executable)]
    [InlineData("\u007FELF", DetectedFileType.Executable)]
    [InlineData("#!/bin/sh", DetectedFileType.Executable)]
    [InlineData("\uFEFF  <!DOCTYPE html><html><body>hi", DetectedFileType.Html)]
    [InlineData("\r\n\t<html>", DetectedFileType.Html)]
    [InlineData("<script>alert(1)</script>", DetectedFileType.Html)]
    [InlineData("<!-- x --><SCRIPT src=x>", DetectedFileType.Html)]
    [InlineData("<svg onload=alert(1)>", DetectedFileType.Svg)]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\"><svg>", DetectedFileType.Svg)]
    [InlineData("<?xml version=\"1.0\"?><svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\">", DetectedFileType.Svg)]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", DetectedFileType.Html)]
    [InlineData("plain text", DetectedFileType.Unknown)]
    [InlineData("", DetectedFileType.Empty)]
    public void Types_are_decided_by_their_bytes(string head, DetectedFileType expected)
    {
        Assert.Equal(expected, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void Binary_magic_numbers_are_recognised()
    {
        Assert.Equal(DetectedFileType.Png, ContentSniffer.Sniff(TestImages.Png(2, 2)));
        Assert.Equal(DetectedFileType.Jpeg, ContentSniffer.Sniff(TestImages.JpegWithGps(2, 2)));
        Assert.Equal(DetectedFileType.Tiff, ContentSniffer.Sniff(TestImages.Tiff()));
        Assert.Equal(DetectedFileType.Zip, ContentSniffer.Sniff(TestZips.WithFiles(("a.txt", [1]))));
        Assert.Equal(DetectedFileType.Webp, ContentSniffer.Sniff("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Equal(DetectedFileType.Unknown, ContentSniffer.Sniff("RIFF\0\0\0\0AVI LIST"u8));
    }

    [Fact]
    public void Html_in_utf16_with_a_byte_order_mark_is_recognised()
    {
        Assert.Equal(DetectedFileType.Html, ContentSniffer.Sniff([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<html><script>")]));
    }

    [Theory]
    [InlineData("isom", DetectedFileType.Mp4)]
    [InlineData("mp42", DetectedFileType.Mp4)]
    [InlineData("qt  ", DetectedFileType.OtherIsoMedia)]
    [InlineData("heic", DetectedFileType.OtherIsoMedia)]
    public void Iso_media_is_mp4_only_for_an_mp4_brand(string brand, DetectedFileType expected)
    {
        Assert.Equal(expected, ContentSniffer.Sniff(Mp4Head(brand, "mif1")));
    }

    [Fact]
    public void An_mp4_brand_among_the_compatible_brands_counts()
    {
        Assert.Equal(DetectedFileType.Mp4, ContentSniffer.Sniff(Mp4Head("XAVC", "mp42")));
    }

    [Fact]
    public async Task Sniffing_a_stream_leaves_its_position_unchanged()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 rest"));

        Assert.Equal(DetectedFileType.Pdf, await ContentSniffer.SniffAsync(stream));
        Assert.Equal(0, stream.Position);
    }

    /// <summary>An ftyp box: size, "ftyp", major brand, minor version, one compatible brand.</summary>
    internal static byte[] Mp4Head(string majorBrand, string compatibleBrand) =>
        [0, 0, 0, 20, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(majorBrand), 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(compatibleBrand), 0, 0, 0, 8, .. "free"u8];
}
