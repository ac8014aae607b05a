using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using PdfSharp.Fonts;

namespace ContestSite.Web.Certificates;

/// <summary>
/// The Chinese font of the certificates, read once at start. PDFsharp reads single fonts only, so a face of a
/// collection (<c>.ttc</c>) is copied out into a font of its own: its table directory with the tables laid one
/// after another. The font is known to PDFsharp under <see cref="Family"/>.
/// </summary>
public sealed class CertificateFont
{
    /// <summary>What the certificate must be able to write, checked at start.</summary>
    private const string Probe = "获奖证书浙江省数据开放创新应用大赛一二三等奖0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public CertificateFont(IOptions<CertificateOptions> options)
    {
        var (path, index) = (options.Value.FontPath, options.Value.FontIndex);
        Family = $"ContestSite certificate {index} {path}";
        FontRegistry.Add(Family, Face(File.ReadAllBytes(path), index));
    }

    public string Family { get; }

    /// <summary>Why this font cannot write a Chinese certificate, or null when it can.</summary>
    public static string? Problem(string? path, int index)
    {
        if (string.IsNullOrWhiteSpace(path)) return "no font file is set";
        if (!File.Exists(path)) return "the font file does not exist (on Debian: apt-get install fonts-wqy-microhei)";
        try
        {
            var face = Face(File.ReadAllBytes(path), index);
            if (Table(face, "glyf") is null) return "the font has no TrueType outlines (glyf table); PDFsharp cannot embed PostScript (CFF) outlines such as Noto CJK's";
            var missing = Probe.Where(c => !HasGlyph(face, c)).ToList();
            return missing.Count == 0 ? null : $"the font has no glyph for {string.Concat(missing.Take(10))}";
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return e.Message;
        }
    }

    /// <summary>The face at <paramref name="index"/> of a collection as a font file of its own; a single font as it is.</summary>
    internal static byte[] Face(byte[] file, int index)
    {
        if (file.Length < 12) throw new InvalidDataException("the file is not a font");
        if (Encoding.ASCII.GetString(file, 0, 4) != "ttcf")
        {
            if (index != 0) throw new InvalidDataException("the file is a single font: its only face is 0");
            return file;
        }
        var faces = (int)Read32(file, 8);
        if (index < 0 || index >= faces) throw new InvalidDataException($"the collection has faces 0 to {faces - 1}");
        var directory = (int)Read32(file, 12 + 4 * index);
        var tables = Read16(file, directory + 4);
        var headerLength = 12 + 16 * tables;
        using var font = new MemoryStream();
        font.Write(file, directory, headerLength);
        var header = new byte[headerLength];
        Array.Copy(file, directory, header, 0, headerLength);
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + 16 * t;
            var (offset, length) = ((int)Read32(header, record + 8), (int)Read32(header, record + 12));
            if (offset < 0 || length < 0 || offset + length > file.Length) throw new InvalidDataException("the collection's table directory points outside the file");
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(record + 8), (uint)font.Length);
            font.Write(file, offset, length);
            while (font.Length % 4 != 0) font.WriteByte(0); // tables start on four-byte boundaries
        }
        var bytes = font.ToArray();
        header.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>Where a table of a single font starts and how long it is.</summary>
    private static (int Offset, int Length)? Table(byte[] font, string tag)
    {
        var tables = Read16(font, 4);
        for (var t = 0; t < tables; t++)
        {
            var record = 12 + 16 * t;
            if (Encoding.ASCII.GetString(font, record, 4) == tag) return ((int)Read32(font, record + 8), (int)Read32(font, record + 12));
        }
        return null;
    }

    /// <summary>Whether the font's Unicode character map (format 4 or 12) gives <paramref name="c"/> a glyph.</summary>
    private static bool HasGlyph(byte[] font, char c)
    {
        if (Table(font, "cmap") is not { } cmap) return false;
        var count = Read16(font, cmap.Offset + 2);
        for (var i = 0; i < count; i++)
        {
            var record = cmap.Offset + 4 + 8 * i;
            var (platform, encoding) = (Read16(font, record), Read16(font, record + 2));
            if (!(platform == 0 || (platform == 3 && encoding is 1 or 10))) continue;
            var sub = cmap.Offset + (int)Read32(font, record + 4);
            var found = Read16(font, sub) switch
            {
                4 => Format4(font, sub, c),
                12 => Format12(font, sub, c),
                _ => (bool?)null,
            };
            if (found is { } answer) return answer;
        }
        return false;
    }

    private static bool Format4(byte[] font, int sub, char c)
    {
        var segments = Read16(font, sub + 6) / 2;
        var ends = sub + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            if (c > Read16(font, ends + 2 * s)) continue;
            var start = Read16(font, starts + 2 * s);
            if (c < start) return false;
            var rangeOffset = Read16(font, rangeOffsets + 2 * s);
            if (rangeOffset == 0) return (ushort)(c + Read16(font, deltas + 2 * s)) != 0;
            var glyph = Read16(font, rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
            return glyph != 0;
        }
        return false;
    }

    private static bool Format12(byte[] font, int sub, char c)
    {
        var groups = Read32(font, sub + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = sub + 16 + 12 * g;
            if (c >= Read32(font, group) && c <= Read32(font, group + 4)) return true;
        }
        return false;
    }

    private static ushort Read16(byte[] bytes, int at) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at, 2));
    private static uint Read32(byte[] bytes, int at) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at, 4));

    /// <summary>
    /// PDFsharp asks one process-wide resolver for fonts, and it may be set only once; several sites in one process
    /// (the tests) each add their font under a family name of its own.
    /// </summary>
    private sealed class FontRegistry : IFontResolver
    {
        private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);
        private static readonly Lock Installing = new();
        private static bool _installed;

        public static void Add(string family, byte[] face)
        {
            Faces[family] = face;
            lock (Installing)
            {
                if (_installed) return;
                GlobalFontSettings.FontResolver = new FontRegistry();
                _installed = true;
            }
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

        public byte[]? GetFont(string faceName) => Faces.GetValueOrDefault(faceName);
    }
}
