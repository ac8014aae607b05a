using System.Buffers.Binary;
using System.Text;

namespace ContestSite.Web.Files;

/// <summary>
/// Decides a file's type from its first bytes only. Names and Content-Type come from the client and
/// prove nothing; the bytes are what a browser or a viewer will act on.
/// </summary>
public static class ContentSniffer
{
    /// <summary>Enough for magic numbers and for an XML prolog and comments before an SVG or HTML root.</summary>
    public const int HeadLength = 4096;

    private static readonly string[] Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash", "mp71"];

    /// <summary>Reads the head of a seekable stream and puts the position back where it was.</summary>
    public static async Task<DetectedFileType> SniffAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var start = content.Position;
        var head = new byte[HeadLength];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await content.ReadAsync(head.AsMemory(filled), cancellationToken)) > 0) filled += read;
        content.Position = start;
        return Sniff(head.AsSpan(0, filled));
    }

    public static DetectedFileType Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) return DetectedFileType.Empty;
        if (head.StartsWith("%PDF-"u8)) return DetectedFileType.Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return DetectedFileType.Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return DetectedFileType.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return DetectedFileType.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return DetectedFileType.Webp;
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return DetectedFileType.Zip;
        if (IsTiff(head)) return DetectedFileType.Tiff;
        if (IsExecutable(head)) return DetectedFileType.Executable;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return IsMp4(head) ? DetectedFileType.Mp4 : DetectedFileType.OtherIsoMedia;
        return MarkupSniffer.Sniff(head);
    }

    // Classic and BigTIFF, both byte orders: ImageSharp 2.1.13 has unfixed TIFF advisories, so TIFF must be seen even when renamed.
    private static bool IsTiff(ReadOnlySpan<byte> head) =>
        head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8);

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']) || head.StartsWith("#!"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]);

    /// <summary>The ftyp box names a major brand and compatible brands; any allowed one makes it MP4.</summary>
    private static bool IsMp4(ReadOnlySpan<byte> head)
    {
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        if (boxSize < 16) return false;
        if (IsMp4Brand(head[8..12])) return true;
        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            if (IsMp4Brand(head.Slice(offset, 4))) return true;
        }
        return false;
    }

    private static bool IsMp4Brand(ReadOnlySpan<byte> brand) => Mp4Brands.Contains(Encoding.ASCII.GetString(brand));
}
