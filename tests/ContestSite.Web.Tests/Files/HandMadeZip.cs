using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ContestSite.Web.Tests.Files;

/// <summary>
/// Zips written byte by byte, so each header can say what an attacker would have it say: sizes that lie,
/// a local name that differs from the directory's, a wrong CRC, bytes that belong to no entry; and the
/// honest shapes other writers use (data descriptors with and without signature, ZIP64 fields and records).
/// </summary>
internal static class HandMadeZip
{
    private const ushort DataDescriptorFlag = 0x0008;

    public sealed record Entry(string Name, byte[] Content)
    {
        public bool Deflate { get; init; } = true;
        /// <summary>Name bytes for both headers, in place of the UTF-8 of <see cref="Name"/>.</summary>
        public byte[]? RawName { get; init; }
        /// <summary>A different name in the local header only.</summary>
        public string? LocalName { get; init; }
        public ushort Flags { get; init; } = 0x0800;
        /// <summary>Flags the local header has in place of <see cref="Flags"/>.</summary>
        public ushort? LocalFlags { get; init; }
        /// <summary>The uncompressed size both headers claim, in place of the real one.</summary>
        public long? DeclaredSize { get; init; }
        /// <summary>The uncompressed size the local header (or the data descriptor) alone claims.</summary>
        public long? LocalDeclaredSize { get; init; }
        /// <summary>The CRC-32 every header claims, in place of the real one.</summary>
        public uint? DeclaredCrc { get; init; }
        public bool DataDescriptor { get; init; }
        public bool DescriptorSignature { get; init; } = true;
        /// <summary>Sizes and offset saturated in the 32-bit fields and given in ZIP64 extra fields.</summary>
        public bool Zip64 { get; init; }
        /// <summary>Bytes after this entry's data (and descriptor) that no header mentions.</summary>
        public byte[] After { get; init; } = [];
        /// <summary>Extra fields of the local header and of the directory record (besides any ZIP64 field).</summary>
        public byte[] LocalExtra { get; init; } = [];
        public byte[] CentralExtra { get; init; } = [];
        /// <summary>Unix file mode kept in the directory (regular file, rw-r--r--).</summary>
        public int UnixMode { get; init; } = 0x81A4;
    }

    /// <param name="before">bytes before the first entry</param>
    /// <param name="beforeDirectory">bytes between the last entry and the directory (an APK signing block, say)</param>
    /// <param name="after">bytes after the end record's comment</param>
    /// <param name="zip64EndRecords">write the ZIP64 end record and locator even when nothing needs them</param>
    /// <param name="hiddenEntries">entries written like the others but left out of the directory</param>
    public static byte[] Write(IReadOnlyList<Entry> entries, byte[]? before = null, byte[]? beforeDirectory = null, byte[]? after = null,
        bool zip64EndRecords = false, IReadOnlyList<Entry>? hiddenEntries = null, string comment = "")
    {
        using var zip = new MemoryStream();
        zip.Write(before ?? []);
        foreach (var hidden in hiddenEntries ?? []) WriteLocal(zip, hidden, Prepare(hidden));
        var offsets = new List<long>();
        var prepared = entries.Select(Prepare).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            offsets.Add(zip.Position);
            WriteLocal(zip, entries[i], prepared[i]);
        }
        zip.Write(beforeDirectory ?? []);
        var directoryOffset = zip.Position;
        for (var i = 0; i < entries.Count; i++) WriteCentral(zip, entries[i], prepared[i], offsets[i]);
        var directorySize = zip.Position - directoryOffset;
        var zip64 = zip64EndRecords || entries.Any(e => e.Zip64);
        if (zip64) WriteZip64End(zip, entries.Count, directorySize, directoryOffset);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        var saturated = entries.Any(e => e.Zip64);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), saturated ? ushort.MaxValue : (ushort)entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), saturated ? ushort.MaxValue : (ushort)entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), saturated ? uint.MaxValue : (uint)directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), saturated ? uint.MaxValue : (uint)directoryOffset);
        var commentBytes = Encoding.UTF8.GetBytes(comment);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(20), (ushort)commentBytes.Length);
        zip.Write(end);
        zip.Write(commentBytes);
        zip.Write(after ?? []);
        return zip.ToArray();
    }

    public static byte[] Write(params Entry[] entries) => Write((IReadOnlyList<Entry>)entries);

    /// <summary>An Android v2 signing block with one id–value pair, as apksigner puts it before the directory.</summary>
    public static byte[] ApkSigningBlock()
    {
        var value = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();
        var pairLength = 4 + value.Length;
        var size = 8 + pairLength + 8 + 16;
        using var block = new MemoryStream();
        var word = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(word, (ulong)size);
        block.Write(word);
        BinaryPrimitives.WriteUInt64LittleEndian(word, (ulong)pairLength);
        block.Write(word);
        BinaryPrimitives.WriteUInt32LittleEndian(word, 0x7109871a);
        block.Write(word.AsSpan(0, 4));
        block.Write(value);
        BinaryPrimitives.WriteUInt64LittleEndian(word, (ulong)size);
        block.Write(word);
        block.Write("APK Sig Block 42"u8);
        return block.ToArray();
    }

    private sealed record Prepared(byte[] Name, byte[] LocalName, byte[] Data, uint Crc, long Uncompressed, long LocalUncompressed, ushort Flags, ushort LocalFlags, ushort Method);

    private static Prepared Prepare(Entry entry)
    {
        var name = entry.RawName ?? Encoding.UTF8.GetBytes(entry.Name);
        var data = entry.Deflate ? Deflated(entry.Content) : entry.Content;
        var uncompressed = entry.DeclaredSize ?? entry.Content.Length;
        var descriptor = entry.DataDescriptor ? DataDescriptorFlag : (ushort)0;
        return new Prepared(name, entry.LocalName is null ? name : Encoding.UTF8.GetBytes(entry.LocalName), data,
            entry.DeclaredCrc ?? Crc32.Compute(entry.Content), uncompressed, entry.LocalDeclaredSize ?? uncompressed,
            (ushort)(entry.Flags | descriptor), (ushort)((entry.LocalFlags ?? entry.Flags) | descriptor), entry.Deflate ? (ushort)8 : (ushort)0);
    }

    private static void WriteLocal(Stream zip, Entry entry, Prepared p)
    {
        // With a data descriptor the local header leaves CRC and sizes at zero; they follow the data.
        var inHeader = !entry.DataDescriptor;
        byte[] extra = [.. entry.Zip64 ? Zip64Extra(inHeader ? p.LocalUncompressed : 0, inHeader ? p.Data.Length : 0) : [], .. entry.LocalExtra];
        var header = new byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), entry.Zip64 ? (ushort)45 : (ushort)20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), p.LocalFlags);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), p.Method);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14), inHeader ? p.Crc : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(18), entry.Zip64 ? uint.MaxValue : inHeader ? (uint)p.Data.Length : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(22), entry.Zip64 ? uint.MaxValue : inHeader ? (uint)p.LocalUncompressed : 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26), (ushort)p.LocalName.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), (ushort)extra.Length);
        zip.Write(header);
        zip.Write(p.LocalName);
        zip.Write(extra);
        zip.Write(p.Data);
        if (entry.DataDescriptor)
        {
            var descriptor = new byte[24];
            var at = 0;
            if (entry.DescriptorSignature)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor, 0x08074b50);
                at = 4;
            }
            BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(at), p.Crc);
            if (entry.Zip64)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(descriptor.AsSpan(at + 4), (ulong)p.Data.Length);
                BinaryPrimitives.WriteUInt64LittleEndian(descriptor.AsSpan(at + 12), (ulong)p.LocalUncompressed);
                zip.Write(descriptor.AsSpan(0, at + 20));
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(at + 4), (uint)p.Data.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(at + 8), (uint)p.LocalUncompressed);
                zip.Write(descriptor.AsSpan(0, at + 12));
            }
        }
        zip.Write(entry.After);
    }

    private static void WriteCentral(Stream zip, Entry entry, Prepared p, long localOffset)
    {
        byte[] extra = [.. entry.Zip64 ? Zip64Extra(p.Uncompressed, p.Data.Length, localOffset) : [], .. entry.CentralExtra];
        var header = new byte[46];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 0x0314);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), entry.Zip64 ? (ushort)45 : (ushort)20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), p.Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), p.Method);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), p.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), entry.Zip64 ? uint.MaxValue : (uint)p.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), entry.Zip64 ? uint.MaxValue : (uint)p.Uncompressed);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), (ushort)p.Name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), (ushort)extra.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(38), (uint)entry.UnixMode << 16);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(42), entry.Zip64 ? uint.MaxValue : (uint)localOffset);
        zip.Write(header);
        zip.Write(p.Name);
        zip.Write(extra);
    }

    private static void WriteZip64End(Stream zip, int entryCount, long directorySize, long directoryOffset)
    {
        var recordPosition = zip.Position;
        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(12), 0x032D);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(14), 45);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(24), (ulong)entryCount);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(32), (ulong)entryCount);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), (ulong)directorySize);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(48), (ulong)directoryOffset);
        zip.Write(record);
        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)recordPosition);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
        zip.Write(locator);
    }

    private static byte[] Zip64Extra(params long[] values)
    {
        var field = new byte[4 + 8 * values.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(field, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(field.AsSpan(2), (ushort)(8 * values.Length));
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(field.AsSpan(4 + 8 * i), (ulong)values[i]);
        return field;
    }

    private static byte[] Deflated(byte[] content)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(content);
        return output.ToArray();
    }
}
