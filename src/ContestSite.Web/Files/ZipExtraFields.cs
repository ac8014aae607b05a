using System.Buffers.Binary;

namespace ContestSite.Web.Files;

/// <summary>The two extra fields the checks read, in a central or a local header: ZIP64 sizes and the Info-ZIP Unicode path.</summary>
internal static class ZipExtraFields
{
    public const ushort Zip64Id = 0x0001;
    public const ushort UnicodePathId = 0x7075;

    /// <summary>
    /// The data of the field with this id. A field that runs past the header, or a second field with the
    /// same id (one extractor would read the first, another the last), makes the zip malformed.
    /// Fewer than four bytes left over are ignored: zipalign pads local headers that way.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> extra, ushort id, out ReadOnlySpan<byte> data)
    {
        data = default;
        var found = false;
        while (extra.Length >= 4)
        {
            var fieldId = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length) throw new MalformedZipException("extra field runs past its header");
            if (fieldId == id)
            {
                if (found) throw new MalformedZipException("extra field given twice");
                data = extra.Slice(4, size);
                found = true;
            }
            extra = extra[(4 + size)..];
        }
        return found;
    }

    /// <summary>In the central directory the ZIP64 field holds, in this order, only the values whose 32-bit field is saturated.</summary>
    public static (long Uncompressed, long Compressed, long Offset) CentralSizes(ReadOnlySpan<byte> extra, long uncompressed, long compressed, long offset)
    {
        if (uncompressed != uint.MaxValue && compressed != uint.MaxValue && offset != uint.MaxValue) return (uncompressed, compressed, offset);
        if (!TryFind(extra, Zip64Id, out var data)) throw new MalformedZipException("saturated size without a zip64 field");
        if (uncompressed == uint.MaxValue) uncompressed = TakeUInt64(ref data);
        if (compressed == uint.MaxValue) compressed = TakeUInt64(ref data);
        if (offset == uint.MaxValue) offset = TakeUInt64(ref data);
        return (uncompressed, compressed, offset);
    }

    /// <summary>
    /// In a local header the ZIP64 field holds both sizes (uncompressed first) whenever either is
    /// saturated. A saturated size without the field stays saturated, and so disagrees with the directory.
    /// </summary>
    public static (long Uncompressed, long Compressed) LocalSizes(ReadOnlySpan<byte> extra, long uncompressed, long compressed)
    {
        if (uncompressed != uint.MaxValue && compressed != uint.MaxValue) return (uncompressed, compressed);
        if (!TryFind(extra, Zip64Id, out var data)) return (uncompressed, compressed);
        if (data.Length >= 16) return (TakeUInt64(ref data), TakeUInt64(ref data));
        if (uncompressed == uint.MaxValue) uncompressed = TakeUInt64(ref data);
        if (compressed == uint.MaxValue) compressed = TakeUInt64(ref data);
        return (uncompressed, compressed);
    }

    /// <summary>The whole Unicode path field (version, CRC of the main name, UTF-8 name), or null.</summary>
    public static byte[]? UnicodePathField(ReadOnlySpan<byte> extra) => TryFind(extra, UnicodePathId, out var data) ? data.ToArray() : null;

    /// <summary>The name bytes of a Unicode path field of version 1; null for a field no extractor reads.</summary>
    public static ReadOnlySpan<byte> UnicodePathName(byte[]? field) => field is { Length: > 5 } && field[0] == 1 ? field.AsSpan(5) : default;

    public static long ToLength(ulong value) => value <= long.MaxValue ? (long)value : throw new MalformedZipException("size out of range");

    private static long TakeUInt64(ref ReadOnlySpan<byte> data)
    {
        if (data.Length < 8) throw new MalformedZipException("short zip64 field");
        var value = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(data));
        data = data[8..];
        return value;
    }
}
