using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ContestSite.Web.Tests.Files;

/// <summary>Zip files built in the test: real archives through ZipArchive, and hand-made ones for fields ZipArchive will not write.</summary>
internal static class TestZips
{
    private static readonly Lazy<byte[]> HundredMegabytesOfZeros = new(() => WithEntry("zeros.bin", 100 * 1024 * 1024));

    /// <summary>A real zip bomb: one entry of 100 MB of zeros, about 100 KB compressed.</summary>
    public static byte[] Bomb => HundredMegabytesOfZeros.Value;

    public static byte[] WithFiles(params (string Name, byte[] Content)[] files)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return output.ToArray();
    }

    public static byte[] WithEntry(string name, long zeroBytes, int? unixMode = null)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
            if (unixMode is { } mode) entry.ExternalAttributes = mode << 16;
            using var stream = entry.Open();
            var buffer = new byte[1024 * 1024];
            for (var written = 0L; written < zeroBytes; written += buffer.Length) stream.Write(buffer, 0, (int)Math.Min(buffer.Length, zeroBytes - written));
        }
        return output.ToArray();
    }

    /// <summary>Each level is a zip holding the level below under the name "level{n}.zip".</summary>
    public static byte[] Nested(byte[] innermost, int levels)
    {
        var current = innermost;
        for (var level = 1; level <= levels; level++) current = WithFiles(($"level{level}.zip", current));
        return current;
    }

    /// <summary>A stored single-entry zip with chosen flags and extra field, written byte by byte.</summary>
    public static byte[] Raw(string name, byte[] content, ushort flags = 0x0800, byte[]? extra = null)
    {
        extra ??= [];
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var crc = Crc32.Compute(content);
        using var zip = new MemoryStream();
        var local = new byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(4), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(local.AsSpan(14), crc);
        BinaryPrimitives.WriteInt32LittleEndian(local.AsSpan(18), content.Length);
        BinaryPrimitives.WriteInt32LittleEndian(local.AsSpan(22), content.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(local.AsSpan(26), (ushort)nameBytes.Length);
        zip.Write(local);
        zip.Write(nameBytes);
        zip.Write(content);
        var directoryOffset = (int)zip.Position;
        var central = new byte[46];
        BinaryPrimitives.WriteUInt32LittleEndian(central, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(4), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(6), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(8), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(central.AsSpan(16), crc);
        BinaryPrimitives.WriteInt32LittleEndian(central.AsSpan(20), content.Length);
        BinaryPrimitives.WriteInt32LittleEndian(central.AsSpan(24), content.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(28), (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(central.AsSpan(30), (ushort)extra.Length);
        zip.Write(central);
        zip.Write(nameBytes);
        zip.Write(extra);
        var directorySize = (int)zip.Position - directoryOffset;
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), 1);
        BinaryPrimitives.WriteInt32LittleEndian(end.AsSpan(12), directorySize);
        BinaryPrimitives.WriteInt32LittleEndian(end.AsSpan(16), directoryOffset);
        zip.Write(end);
        return zip.ToArray();
    }

    /// <summary>The Info-ZIP Unicode path field (0x7075) naming the entry differently from its main name.</summary>
    public static byte[] UnicodePathExtra(string name, string mainName)
    {
        var path = Encoding.UTF8.GetBytes(name);
        var field = new byte[4 + 5 + path.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(field, 0x7075);
        BinaryPrimitives.WriteUInt16LittleEndian(field.AsSpan(2), (ushort)(5 + path.Length));
        field[4] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(field.AsSpan(5), Crc32.Compute(Encoding.UTF8.GetBytes(mainName)));
        path.CopyTo(field, 9);
        return field;
    }

    /// <summary>Rewrites the uncompressed size that the central directory records for the first entry.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, uint declaredUncompressed)
    {
        var copy = (byte[])zip.Clone();
        var directory = IndexOfSignature(copy, 0x02014b50);
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(directory + 24), declaredUncompressed);
        return copy;
    }

    /// <summary>Rewrites the entry counts in the end record, leaving the directory as it is.</summary>
    public static byte[] WithAnnouncedEntryCount(byte[] zip, ushort count)
    {
        var copy = (byte[])zip.Clone();
        var end = copy.Length - 22;
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(end + 8), count);
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(end + 10), count);
        return copy;
    }

    private static int IndexOfSignature(byte[] bytes, uint signature)
    {
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == signature) return i;
        }
        throw new InvalidOperationException("signature not found");
    }
}
