namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>Bytes already read followed by the rest of a stream, read-only.</summary>
internal sealed class ConcatenatedStream(byte[] head, Stream rest) : Stream
{
    private int position;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position < head.Length) return ReadHead(buffer.Span);
        return await rest.ReadAsync(buffer, cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        position < head.Length ? ReadHead(buffer.AsSpan(offset, count)) : rest.Read(buffer, offset, count);

    private int ReadHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, head.Length - position);
        head.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
