using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>A chunk's masked output, held in pooled arrays until the writer's turn comes to copy it out in order.</summary>
internal sealed class PooledByteSink : Stream
{
    private readonly List<(byte[] Array, int Length)> parts = [];

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var array = ArrayPool<byte>.Shared.Rent(buffer.Length);
        buffer.CopyTo(array);
        parts.Add((array, buffer.Length));
    }

    /// <summary>Takes a pooled array as the next part; it is returned to the pool with the sink.</summary>
    public void Adopt(byte[] array, int length) => parts.Add((array, length));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (var (array, length) in parts) await destination.WriteAsync(array.AsMemory(0, length), cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var (array, _) in parts) ArrayPool<byte>.Shared.Return(array);
        parts.Clear();
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => parts.Sum(p => (long)p.Length);
    public override long Position { get => Length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
