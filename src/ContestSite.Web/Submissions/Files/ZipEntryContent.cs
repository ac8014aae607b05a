using System.Buffers.Binary;
using System.IO.Compression;

namespace ContestSite.Web.Submissions.Files;

/// <summary>Opens the decompressed bytes of one entry, for the checks that must look inside (nested archives, size verification).</summary>
internal static class ZipEntryContent
{
    private const uint LocalSignature = 0x04034b50;
    private const int LocalHeaderLength = 30;
    private const ushort Stored = 0;
    private const ushort Deflated = 8;

    /// <summary>Null when the entry uses a compression method this reader does not decompress.</summary>
    public static Stream? Open(Stream zip, ZipEntryRecord entry)
    {
        if (entry.Method is not (Stored or Deflated)) return null;
        var header = new byte[LocalHeaderLength];
        zip.Position = entry.LocalHeaderOffset;
        zip.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalSignature) throw new MalformedZipException("bad local header");
        var dataStart = entry.LocalHeaderOffset + LocalHeaderLength
            + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
        if (dataStart > zip.Length || entry.CompressedSize > zip.Length - dataStart) throw new MalformedZipException("entry data outside the file");
        var raw = new ZipSliceStream(zip, dataStart, entry.CompressedSize);
        return entry.Method == Stored ? raw : new DeflateStream(raw, CompressionMode.Decompress);
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; returns the count, or -1 as soon as there is more.</summary>
    public static long CopyAtMost(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            copied += read;
            if (copied > limit) return -1;
            destination.Write(buffer, 0, read);
        }
        return copied;
    }

    /// <summary>A read-only window on part of the zip, so a decompressor cannot read past its entry.</summary>
    private sealed class ZipSliceStream(Stream zip, long start, long length) : Stream
    {
        private long _consumed;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _consumed;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var wanted = (int)Math.Min(buffer.Length, length - _consumed);
            if (wanted <= 0) return 0;
            zip.Position = start + _consumed;
            var read = zip.Read(buffer[..wanted]);
            _consumed += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
