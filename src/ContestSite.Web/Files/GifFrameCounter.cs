namespace ContestSite.Web.Files;

/// <summary>
/// Counts the frames of a GIF by walking its blocks, skipping the image data. ImageSharp 2.1.13 has
/// GifDecoder.MaxFrames, but it silently stops decoding at the cap instead of refusing, and Identify
/// in 2.1 reports no frame count; this gives a count to refuse on before any decoder runs.
/// </summary>
internal static class GifFrameCounter
{
    private const byte ExtensionIntroducer = 0x21;
    private const byte ImageSeparator = 0x2C;
    private const byte Trailer = 0x3B;
    private const int HeaderAndScreenDescriptorLength = 13;
    private const int ImageDescriptorLength = 9;

    /// <summary>Counts up to <paramref name="stopAfter"/> frames (counting further is pointless); a broken file counts what was read.</summary>
    public static int Count(Stream gif, int stopAfter)
    {
        var start = gif.Position;
        try
        {
            var screen = new byte[HeaderAndScreenDescriptorLength];
            if (gif.ReadAtLeast(screen, screen.Length, throwOnEndOfStream: false) < screen.Length) return 0;
            SkipColorTable(gif, screen[10]);
            var frames = 0;
            while (frames < stopAfter)
            {
                var block = gif.ReadByte();
                if (block == ImageSeparator)
                {
                    var descriptor = new byte[ImageDescriptorLength];
                    if (gif.ReadAtLeast(descriptor, descriptor.Length, throwOnEndOfStream: false) < descriptor.Length) return frames;
                    SkipColorTable(gif, descriptor[8]);
                    gif.ReadByte();
                    if (!SkipSubBlocks(gif)) return frames;
                    frames++;
                }
                else if (block == ExtensionIntroducer)
                {
                    gif.ReadByte();
                    if (!SkipSubBlocks(gif)) return frames;
                }
                else
                {
                    return frames;
                }
            }
            return frames;
        }
        finally
        {
            gif.Position = start;
        }
    }

    private static void SkipColorTable(Stream gif, byte packedFields)
    {
        if ((packedFields & 0x80) != 0) gif.Seek(3 * (1 << ((packedFields & 0x07) + 1)), SeekOrigin.Current);
    }

    /// <summary>Data sub-blocks: a length byte then that many bytes, ended by a zero length.</summary>
    private static bool SkipSubBlocks(Stream gif)
    {
        while (true)
        {
            var length = gif.ReadByte();
            if (length < 0 || gif.Position > gif.Length) return false;
            if (length == 0) return true;
            gif.Seek(length, SeekOrigin.Current);
        }
    }
}
