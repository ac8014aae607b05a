using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// The part of the input read but not yet consumed, in one pooled buffer of the record cap's size: a record
/// that does not fit in it is over the cap by definition. Knows the byte offset of what it holds in the whole
/// file, for reports. <see cref="OverChunk"/> makes a window that slides over a chunk already in memory
/// instead, showing at most the cap's worth at a time, so records are judged exactly as when streaming.
/// </summary>
internal sealed class CsvInputWindow : IDisposable
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly Stream? input;
    private readonly byte[] buffer;
    private readonly int capacity;
    private int start;
    private int end;
    private long bufferOffset;
    private bool inputEnded;

    public CsvInputWindow(Stream input, int capacity, long startOffset = 0)
    {
        this.input = input;
        this.capacity = capacity;
        buffer = ArrayPool<byte>.Shared.Rent(capacity);
        bufferOffset = startOffset;
    }

    private CsvInputWindow(byte[] chunk, int length, int capacity, long offset)
    {
        buffer = chunk;
        end = length;
        this.capacity = capacity;
        bufferOffset = offset;
        inputEnded = true;
    }

    /// <summary>A window over whole records already read; the chunk stays its owner's.</summary>
    public static CsvInputWindow OverChunk(byte[] chunk, int length, int capacity, long offset) => new(chunk, length, capacity, offset);

    public ReadOnlySpan<byte> Pending => buffer.AsSpan(start, Math.Min(end - start, capacity));
    public bool IsFinal => inputEnded && end - start <= capacity;
    public bool IsFull => input is null ? !IsFinal : start == 0 && end == capacity;
    public long Offset => bufferOffset + start;

    public void Consume(int count) => start += count;

    /// <summary>Moves the unconsumed bytes to the front and reads until the buffer is full or the input ends.</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (input is null) return;
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        while (end < capacity && !inputEnded)
        {
            var read = await input.ReadAsync(buffer.AsMemory(end, capacity - end), cancellationToken);
            if (read == 0) inputEnded = true;
            end += read;
        }
    }

    public void SkipByteOrderMark()
    {
        if (Pending.StartsWith(ByteOrderMark)) Consume(ByteOrderMark.Length);
    }

    public void Dispose()
    {
        if (input is not null) ArrayPool<byte>.Shared.Return(buffer);
    }
}
