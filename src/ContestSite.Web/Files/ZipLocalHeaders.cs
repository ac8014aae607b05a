using System.Buffers.Binary;
using ContestSite.Core.Rules;

namespace ContestSite.Web.Files;

/// <summary>The bytes one entry occupies: its local header from <see cref="Start"/>, its data from <see cref="DataStart"/>, up to <see cref="End"/> (after any data descriptor).</summary>
internal readonly record struct ZipEntrySpan(long Start, long DataStart, long End);

/// <summary>
/// Reads the local header (and data descriptor) of each entry and holds them to what the central
/// directory says. Extractors that stream a zip (and some that do not) go by the local header alone, so a
/// local name "../../x.sh" behind a central name "x.sh" would slip past every check made on the directory.
/// </summary>
internal static class ZipLocalHeaders
{
    private const uint LocalSignature = 0x04034b50;
    private const uint DescriptorSignature = 0x08074b50;
    private const int HeaderLength = 30;
    private const ushort DataDescriptorFlag = 0x0008;

    public static (RuleResult? Refusal, ZipEntrySpan Span) Check(Stream zip, ZipEntryRecord entry, string shownName, long directoryOffset)
    {
        if (entry.LocalHeaderOffset > directoryOffset - HeaderLength) throw new MalformedZipException("local header outside the entries");
        var header = new byte[HeaderLength];
        zip.Position = entry.LocalHeaderOffset;
        zip.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature) throw new MalformedZipException("bad local header");
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(14));
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        var dataStart = entry.LocalHeaderOffset + HeaderLength + nameLength + extraLength;
        if (dataStart > directoryOffset || entry.CompressedSize > directoryOffset - dataStart) throw new MalformedZipException("entry data outside the entries");
        var nameAndExtra = new byte[nameLength + extraLength];
        zip.ReadExactly(nameAndExtra);
        var extra = nameAndExtra.AsSpan(nameLength);

        var localPath = ZipExtraFields.UnicodePathField(extra);
        var samePath = localPath is null || (entry.UnicodePathField is { } centralPath && localPath.AsSpan().SequenceEqual(centralPath));
        if (!nameAndExtra.AsSpan(0, nameLength).SequenceEqual(entry.NameBytes) || !samePath)
            return (RuleResult.Refuse("压缩包中的“{0}”本地文件头里的名称与目录记录不同，疑似伪造的压缩包", shownName), default);

        var disagrees = RuleResult.Refuse("压缩包中的“{0}”本地文件头与目录记录不符（压缩方式、标志、大小或 CRC），疑似伪造的压缩包", shownName);
        var (uncompressed, compressed) = ZipExtraFields.LocalSizes(extra,
            BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(22)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18)));
        if (flags != entry.Flags || method != entry.Method) return (disagrees, default);
        var dataEnd = dataStart + entry.CompressedSize;
        if ((flags & DataDescriptorFlag) == 0)
        {
            var same = crc == entry.Crc32 && compressed == entry.CompressedSize && uncompressed == entry.UncompressedSize;
            return same ? (null, new ZipEntrySpan(entry.LocalHeaderOffset, dataStart, dataEnd)) : (disagrees, default);
        }
        // With a data descriptor the local fields are zero (some writers fill them in anyway); the descriptor after the data must agree.
        if (!ZeroOr(crc, entry.Crc32) || !ZeroOr(compressed, entry.CompressedSize) || !ZeroOr(uncompressed, entry.UncompressedSize)) return (disagrees, default);
        var descriptorLength = DescriptorLength(zip, entry, dataEnd, directoryOffset, wideFirst: ZipExtraFields.TryFind(extra, ZipExtraFields.Zip64Id, out _));
        return descriptorLength is { } length ? (null, new ZipEntrySpan(entry.LocalHeaderOffset, dataStart, dataEnd + length)) : (disagrees, default);
    }

    private static bool ZeroOr(long local, long central) => local == 0 || local == central;

    /// <summary>
    /// The length of the data descriptor after the data when it matches the directory; null when none does.
    /// The signature is optional and the sizes are 8 bytes for ZIP64 entries, 4 otherwise, so each layout
    /// is tried; only one that repeats the directory's CRC and both sizes is taken.
    /// </summary>
    private static int? DescriptorLength(Stream zip, ZipEntryRecord entry, long dataEnd, long directoryOffset, bool wideFirst)
    {
        var room = (int)Math.Min(24, directoryOffset - dataEnd);
        var bytes = new byte[room];
        zip.Position = dataEnd;
        zip.ReadExactly(bytes);
        foreach (var wide in wideFirst ? new[] { true, false } : new[] { false, true })
        {
            foreach (var signed in new[] { true, false })
            {
                var length = (signed ? 4 : 0) + 4 + (wide ? 16 : 8);
                if (length > room) continue;
                var fields = bytes.AsSpan(0, length);
                if (signed)
                {
                    if (BinaryPrimitives.ReadUInt32LittleEndian(fields) != DescriptorSignature) continue;
                    fields = fields[4..];
                }
                var crc = BinaryPrimitives.ReadUInt32LittleEndian(fields);
                var compressed = wide ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(fields[4..]), long.MaxValue) : BinaryPrimitives.ReadUInt32LittleEndian(fields[4..]);
                var uncompressed = wide ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(fields[12..]), long.MaxValue) : BinaryPrimitives.ReadUInt32LittleEndian(fields[8..]);
                if (crc == entry.Crc32 && compressed == entry.CompressedSize && uncompressed == entry.UncompressedSize) return length;
            }
        }
        return null;
    }
}
