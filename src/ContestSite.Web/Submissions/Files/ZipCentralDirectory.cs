using System.Buffers.Binary;
using System.Text;

namespace ContestSite.Web.Submissions.Files;

internal sealed record ZipDirectoryEnd(long EntryCount, long DirectoryOffset, long DirectorySize);

/// <summary>
/// Reads the end record and the central directory of a zip, entry by entry, without touching any
/// compressed data. Our own reader rather than ZipArchive: ZipArchive loads the whole directory into
/// objects before anything can be counted, and does not expose the flags, host system and extra
/// fields the checks need.
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int EntryHeaderLength = 46;
    private const ushort Utf8NameFlag = 0x0800;
    private const ushort Zip64ExtraId = 0x0001;
    private const ushort UnicodePathExtraId = 0x7075;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static ZipDirectoryEnd ReadEnd(Stream zip)
    {
        var length = zip.Length;
        if (length < EndLength) throw new MalformedZipException("shorter than an end record");
        var tail = new byte[(int)Math.Min(length, EndLength + ushort.MaxValue)];
        var tailStart = length - tail.Length;
        zip.Position = tailStart;
        zip.ReadExactly(tail);
        for (var i = tail.Length - EndLength; i >= 0; i--)
        {
            var record = tail.AsSpan(i);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != EndSignature) continue;
            if (i + EndLength + BinaryPrimitives.ReadUInt16LittleEndian(record[20..]) > tail.Length) continue;
            return ParseEnd(zip, record, tailStart + i);
        }
        throw new MalformedZipException("no end record");
    }

    private static ZipDirectoryEnd ParseEnd(Stream zip, ReadOnlySpan<byte> record, long recordPosition)
    {
        var disk = BinaryPrimitives.ReadUInt16LittleEndian(record[4..]);
        var directoryDisk = BinaryPrimitives.ReadUInt16LittleEndian(record[6..]);
        var entriesOnDisk = BinaryPrimitives.ReadUInt16LittleEndian(record[8..]);
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
        if (disk != 0 || directoryDisk != 0 || entriesOnDisk != entries) throw new MalformedZipException("multi-volume");
        var directoryLimit = recordPosition;
        if (entries == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue)
        {
            (entries, size, offset, directoryLimit) = ReadZip64End(zip, recordPosition);
        }
        if (offset > directoryLimit || size > directoryLimit - offset) throw new MalformedZipException("directory outside the file");
        return new ZipDirectoryEnd(entries, offset, size);
    }

    private static (long Entries, long Size, long Offset, long RecordPosition) ReadZip64End(Stream zip, long endRecordPosition)
    {
        if (endRecordPosition < 20) throw new MalformedZipException("no zip64 locator");
        var locator = new byte[20];
        zip.Position = endRecordPosition - 20;
        zip.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature) throw new MalformedZipException("no zip64 locator");
        var recordPosition = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8)));
        if (recordPosition > endRecordPosition - 20 - 56) throw new MalformedZipException("zip64 end outside the file");
        var record = new byte[56];
        zip.Position = recordPosition;
        zip.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature) throw new MalformedZipException("bad zip64 end");
        if (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(16)) != 0 || BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(20)) != 0)
            throw new MalformedZipException("multi-volume");
        return (ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32))), ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40))),
            ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48))), recordPosition);
    }

    /// <summary>
    /// Yields exactly the entries the end record announces, and checks they fill exactly the announced
    /// directory size, so a directory cannot hide more entries than were counted. The stream position
    /// is restored before each entry, so callers may read elsewhere between entries.
    /// </summary>
    public static IEnumerable<ZipEntryRecord> ReadEntries(Stream zip, ZipDirectoryEnd end)
    {
        var position = end.DirectoryOffset;
        var directoryEnd = end.DirectoryOffset + end.DirectorySize;
        var header = new byte[EntryHeaderLength];
        for (long index = 0; index < end.EntryCount; index++)
        {
            if (position + EntryHeaderLength > directoryEnd) throw new MalformedZipException("directory shorter than announced");
            zip.Position = position;
            zip.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != EntrySignature) throw new MalformedZipException("bad directory entry");
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            position += EntryHeaderLength + nameLength + extraLength + commentLength;
            if (position > directoryEnd) throw new MalformedZipException("entry runs past the directory");
            var nameAndExtra = new byte[nameLength + extraLength];
            zip.ReadExactly(nameAndExtra);
            yield return Parse(header, nameAndExtra.AsSpan(0, nameLength), nameAndExtra.AsSpan(nameLength));
        }
        if (position != directoryEnd) throw new MalformedZipException("directory holds more than announced");
    }

    private static ZipEntryRecord Parse(byte[] header, ReadOnlySpan<byte> name, ReadOnlySpan<byte> extra)
    {
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
        long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24));
        long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42));
        string? unicodePath = null;
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length) throw new MalformedZipException("extra field runs past its entry");
            var data = extra.Slice(4, size);
            if (id == Zip64ExtraId) (uncompressed, compressed, localOffset) = ReadZip64Sizes(data, uncompressed, compressed, localOffset);
            if (id == UnicodePathExtraId && size > 5 && data[0] == 1) unicodePath = Encoding.UTF8.GetString(data[5..]);
            extra = extra[(4 + size)..];
        }
        return new ZipEntryRecord(DecodeName(name, flags), unicodePath, header[5], flags, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10)),
            compressed, uncompressed, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(38)), localOffset);
    }

    /// <summary>The zip64 field holds, in this order, only the values whose 32-bit field is saturated.</summary>
    private static (long Uncompressed, long Compressed, long Offset) ReadZip64Sizes(ReadOnlySpan<byte> data, long uncompressed, long compressed, long offset)
    {
        if (uncompressed == uint.MaxValue) uncompressed = TakeUInt64(ref data);
        if (compressed == uint.MaxValue) compressed = TakeUInt64(ref data);
        if (offset == uint.MaxValue) offset = TakeUInt64(ref data);
        return (uncompressed, compressed, offset);
    }

    private static long TakeUInt64(ref ReadOnlySpan<byte> data)
    {
        if (data.Length < 8) throw new MalformedZipException("short zip64 field");
        var value = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(data));
        data = data[8..];
        return value;
    }

    /// <summary>
    /// UTF-8 when flagged or valid, otherwise Latin-1. Either way every ASCII byte stays itself, so
    /// "/", "\" and "." are seen exactly where any extractor with an ASCII-compatible code page sees them.
    /// </summary>
    private static string DecodeName(ReadOnlySpan<byte> name, ushort flags)
    {
        if ((flags & Utf8NameFlag) != 0) return Encoding.UTF8.GetString(name);
        try
        {
            return StrictUtf8.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(name);
        }
    }

    private static long ToLength(ulong value) => value <= long.MaxValue ? (long)value : throw new MalformedZipException("size out of range");
}
