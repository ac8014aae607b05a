using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// The part of the input read but not yet consumed, in one pooled buffer of the record cap's size: a record
/// that does not fit in it is over the cap by definition. Knows the byte offset of what it holds in the whole file
/// (a window over one chunk starts at the chunk's offset), for reports.
/// </summary>
internal sealed class CsvInputWindow(Stream input, int capacity, long startOffset = 0) : IDisposable
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
    private int start;
    private int end;
    private long bufferOffset = startOffset;

    public ReadOnlySpan<byte> Pending => buffer.AsSpan(start, end - start);
    public bool IsFinal { get; private set; }
    public bool IsFull => start == 0 && end == capacity;
    public long Offset => bufferOffset + start;

    public void Consume(int count) => start += count;

    /// <summary>Moves the unconsumed bytes to the front and reads until the buffer is full or the input ends.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        while (end < capacity && !IsFinal)
        {
            var read = await input.ReadAsync(buffer.AsMemory(end, capacity - end), cancellationToken);
            if (read == 0) IsFinal = true;
            end += read;
        }
    }

    public void SkipByteOrderMark()
    {
        if (Pending.StartsWith(ByteOrderMark)) Consume(ByteOrderMark.Length);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
