using System.Buffers;
using System.IO.Compression;
using System.IO.Hashing;

namespace ContestSite.Web.Files;

/// <summary>Reads the decompressed bytes of one entry, counting them and their CRC-32.</summary>
internal static class ZipEntryContent
{
    /// <summary>The entry's data starts at <paramref name="dataStart"/> (after its local header); stored or deflated only.</summary>
    public static Stream Open(Stream zip, ZipEntryRecord entry, long dataStart)
    {
        var raw = new ZipSliceStream(zip, dataStart, entry.CompressedSize);
        return entry.Method == ZipEntryRecord.Stored ? raw : new DeflateStream(raw, CompressionMode.Decompress);
    }

    /// <summary>
    /// Copies at most <paramref name="limit"/> bytes and returns the count with their CRC-32; the count is -1
    /// as soon as there is more, so a lying size costs one buffer past the truth, never the whole bomb.
    /// </summary>
    public static (long Count, uint Crc32) CopyCounted(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var crc = new Crc32();
            long copied = 0;
            int read;
            while ((read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - copied + 1))) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                copied += read;
                if (copied > limit) return (-1, 0);
                crc.Append(buffer.AsSpan(0, read));
                destination.Write(buffer, 0, read);
            }
            return (copied, crc.GetCurrentHashAsUInt32());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
