using System.Buffers.Binary;

namespace ContestSite.Web.Files;

/// <summary>
/// Whether every byte of a zip belongs to something the checks have read: entries (local header, data,
/// descriptor) one after another from the first byte, then the central directory, then its end records.
/// Bytes outside all of them are where a second archive, a script or a payload for another reader hides;
/// entries that overlap are how one compressed stream is counted many times.
/// </summary>
internal static class ZipLayout
{
    private static ReadOnlySpan<byte> ApkSigningBlockMagic => "APK Sig Block 42"u8;

    public static bool IsFullyAccounted(Stream zip, IEnumerable<ZipEntrySpan> spans, ZipDirectoryEnd end)
    {
        if (!end.TrailerIsExact) return false;
        long next = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start != next) return false;
            next = span.End;
        }
        return next == end.DirectoryOffset || IsApkSigningBlock(zip, next, end.DirectoryOffset);
    }

    /// <summary>
    /// Android's v2+ signature sits between the last entry and the directory: a length, id–value pairs, the
    /// same length again and a magic. It is accepted only when it fills the gap exactly and its pairs fill it.
    /// </summary>
    private static bool IsApkSigningBlock(Stream zip, long start, long directoryOffset)
    {
        var length = directoryOffset - start;
        if (length < 32) return false;
        var footer = new byte[24];
        zip.Position = directoryOffset - footer.Length;
        zip.ReadExactly(footer);
        if (!footer.AsSpan(8).SequenceEqual(ApkSigningBlockMagic)) return false;
        var size = BinaryPrimitives.ReadUInt64LittleEndian(footer);
        if (size != (ulong)(length - 8)) return false;
        var word = new byte[12];
        zip.Position = start;
        zip.ReadExactly(word.AsSpan(0, 8));
        if (BinaryPrimitives.ReadUInt64LittleEndian(word) != size) return false;
        var pairsEnd = directoryOffset - footer.Length;
        var position = start + 8;
        while (position < pairsEnd)
        {
            if (pairsEnd - position < 12) return false;
            zip.Position = position;
            zip.ReadExactly(word);
            var pairLength = BinaryPrimitives.ReadUInt64LittleEndian(word);
            if (pairLength < 4 || pairLength > (ulong)(pairsEnd - position - 8)) return false;
            position += 8 + (long)pairLength;
        }
        return position == pairsEnd;
    }
}
