using System.Buffers.Binary;

namespace ContestSite.Web.Files;

/// <summary>
/// Where the central directory is, and whether everything after it (ZIP64 end record and locator, end
/// record, comment) reaches exactly the end of the file with nothing left over.
/// </summary>
internal sealed record ZipDirectoryEnd(long EntryCount, long DirectoryOffset, long DirectorySize, bool TrailerIsExact);

internal static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int Zip64LocatorLength = 20;
    private const int EntryHeaderLength = 46;

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
        var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(record[20..]);
        if (disk != 0 || directoryDisk != 0 || entriesOnDisk != entries) throw new MalformedZipException("multi-volume");
        var directoryLimit = recordPosition;
        var trailerIsExact = recordPosition + EndLength + commentLength == zip.Length;
        // Some writers add the ZIP64 records even when nothing needs them; they are read (and accounted for) either way.
        if (entries == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue || HasZip64Locator(zip, recordPosition))
        {
            var zip64 = ReadZip64End(zip, recordPosition);
            if ((entries != ushort.MaxValue && entries != zip64.Entries) || (size != uint.MaxValue && size != zip64.Size)
                || (offset != uint.MaxValue && offset != zip64.Offset)) throw new MalformedZipException("zip64 end disagrees with the end record");
            (entries, size, offset, directoryLimit) = (zip64.Entries, zip64.Size, zip64.Offset, zip64.RecordPosition);
            trailerIsExact &= zip64.RecordEnd == recordPosition - Zip64LocatorLength;
        }
        if (offset > directoryLimit || size > directoryLimit - offset) throw new MalformedZipException("directory outside the file");
        return new ZipDirectoryEnd(entries, offset, size, trailerIsExact && offset + size == directoryLimit);
    }

    private static bool HasZip64Locator(Stream zip, long endRecordPosition)
    {
        if (endRecordPosition < Zip64LocatorLength) return false;
        Span<byte> signature = stackalloc byte[4];
        zip.Position = endRecordPosition - Zip64LocatorLength;
        zip.ReadExactly(signature);
        return BinaryPrimitives.ReadUInt32LittleEndian(signature) == Zip64LocatorSignature;
    }

    private sealed record Zip64End(long Entries, long Size, long Offset, long RecordPosition, long RecordEnd);

    private static Zip64End ReadZip64End(Stream zip, long endRecordPosition)
    {
        if (endRecordPosition < Zip64LocatorLength) throw new MalformedZipException("no zip64 locator");
        var locator = new byte[Zip64LocatorLength];
        zip.Position = endRecordPosition - Zip64LocatorLength;
        zip.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature) throw new MalformedZipException("no zip64 locator");
        var recordPosition = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8)));
        if (recordPosition > endRecordPosition - Zip64LocatorLength - 56) throw new MalformedZipException("zip64 end outside the file");
        var record = new byte[56];
        zip.Position = recordPosition;
        zip.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature) throw new MalformedZipException("bad zip64 end");
        if (BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(16)) != 0 || BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(20)) != 0)
            throw new MalformedZipException("multi-volume");
        // The record's size field counts what follows its first 12 bytes, extensible data included.
        var recordSize = ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(4)));
        if (recordSize < 44 || recordSize > endRecordPosition - recordPosition) throw new MalformedZipException("bad zip64 end size");
        return new Zip64End(ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32))), ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40))),
            ToLength(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48))), recordPosition, recordPosition + 12 + recordSize);
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
        var (uncompressed, compressed, localOffset) = ZipExtraFields.CentralSizes(extra,
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20)),
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42)));
        var (decoded, invalid) = ZipNames.Decode(name, flags);
        var unicodePathField = ZipExtraFields.UnicodePathField(extra);
        string? unicodePath = null;
        var unicodeName = ZipExtraFields.UnicodePathName(unicodePathField);
        if (!unicodeName.IsEmpty)
        {
            (unicodePath, var unicodeInvalid) = ZipNames.DecodeUtf8(unicodeName);
            invalid |= unicodeInvalid;
        }
        return new ZipEntryRecord(name.ToArray(), decoded, unicodePathField, unicodePath, invalid, header[5], flags,
            BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16)),
            compressed, uncompressed, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(38)), localOffset);
    }

    private static long ToLength(ulong value) => ZipExtraFields.ToLength(value);
}
