using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ContestSite.Web.Tests.Files;

/// <summary>Image files built in the test, good and hostile.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height, bool noise = false) => Encode(width, height, noise, (image, stream) => image.SaveAsPng(stream));

    /// <summary>A JPEG carrying EXIF with a camera make and a GPS position, as a phone photo would.</summary>
    public static byte[] JpegWithGps(int width, int height) => Encode(width, height, false, (image, stream) =>
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "TestCamera");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(30, 1), new Rational(15, 1), new Rational(0, 1)]);
        image.Metadata.ExifProfile = exif;
        image.SaveAsJpeg(stream);
    });

    /// <summary>A real TIFF, made with ImageSharp's default configuration (which, unlike ours, still knows TIFF).</summary>
    public static byte[] Tiff() => Encode(16, 16, false, (image, stream) => image.SaveAsTiff(stream));

    /// <summary>A PNG whose header claims <paramref name="width"/>×<paramref name="height"/>, with almost no pixel data behind it.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 1×1 GIF of <paramref name="frames"/> frames, each a valid LZW stream of one pixel.</summary>
    public static byte[] Gif(int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([1, 0, 1, 0, 0x80, 0, 0]);
        gif.Write([0, 0, 0, 255, 255, 255]);
        gif.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 1, 0, 0, 0]);
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
            gif.Write([2, 2, 0x44, 0x01, 0]);
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>");

    private static byte[] Encode(int width, int height, bool noise, Action<Image<Rgba32>, Stream> save)
    {
        using var image = new Image<Rgba32>(width, height);
        var random = new Random(7);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = noise
                    ? new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))
                    : new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
            }
        }
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute([.. typeBytes, .. data]));
        png.Write(crc);
    }
}

/// <summary>
/// The CRC-32 of PNG chunks and zip entries (polynomial 0xEDB88320), written here rather than taken from the library the site
/// uses, so a zip the tests call honest does not depend on the code under test. A byte at a time from a table: the bit-by-bit
/// loop cost seconds on the megabytes of the zip-bomb tests.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var crc = (uint)n;
        for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        return crc;
    }).ToArray();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data) crc = Table[(byte)(crc ^ value)] ^ (crc >> 8);
        return ~crc;
    }
}
