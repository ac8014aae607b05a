using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>
/// Whole records of the file body in a pooled buffer, with where they start in the file, and once a worker
/// has masked them, their output and report (lines counted from 0: only the writer knows the chunk's first line).
/// </summary>
internal sealed class CsvChunk(byte[] buffer, int length, long offset) : IDisposable
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public byte[] Buffer => buffer;
    public int Length => length;
    public long Offset => offset;
    public PooledByteSink Output { get; } = new();
    public MaskingReport Report { get; } = new();
    public long LineBreaks { get; private set; }
    public Task Done => done.Task;

    public void Complete(long lineBreaks)
    {
        LineBreaks = lineBreaks;
        done.TrySetResult();
    }

    public void Fail(Exception error) => done.TrySetException(error);

    public void Dispose()
    {
        Output.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>
/// Reads the body into chunks cut between records. When a full buffer holds not one whole record (a record
/// longer than the buffer, which is at least twice the record cap), it hands back what it holds and the rest
/// of the input is masked on one thread, which knows how to skip such a record.
/// </summary>
internal sealed class CsvChunkReader
{
    private readonly Stream input;
    private readonly int capacity;
    private byte[]? carry;
    private int carryLength;
    private bool ended;

    public CsvChunkReader(ReadOnlySpan<byte> alreadyRead, Stream input, bool inputEnded, long offset, int capacity)
    {
        this.input = input;
        this.capacity = capacity;
        carry = Copy(alreadyRead, capacity, out carryLength);
        ended = inputEnded;
        Offset = offset;
    }

    public const int TargetBytes = 256 * 1024;

    public long Offset { get; private set; }

    /// <summary>
    /// The next chunk; null at the end of the input or when <see cref="TakeRemainder"/> must take over.
    /// Chunks are cut near <see cref="TargetBytes"/>, small enough to be still in cache when a worker takes
    /// them; only when no record ends that early does the buffer grow to its full capacity.
    /// </summary>
    public async Task<CsvChunk?> NextAsync(CancellationToken cancellationToken)
    {
        if (carry is null) return null;
        var buffer = carry;
        var length = carryLength;
        var cut = 0;
        foreach (var limit in new[] { Math.Min(TargetBytes, capacity), capacity })
        {
            length = await FillAsync(buffer, length, limit, cancellationToken);
            cut = ended ? length : CsvChunkCutter.Cut(buffer.AsSpan(0, length));
            if (cut > 0 || length == 0) break;
        }
        if (length == 0) return Finish(buffer);
        if (cut == 0)
        {
            carryLength = length;
            return null;
        }
        carry = length > cut || !ended ? Copy(buffer.AsSpan(cut, length - cut), capacity, out carryLength) : null;
        var chunk = new CsvChunk(buffer, cut, Offset);
        Offset += cut;
        return chunk;
    }

    private async Task<int> FillAsync(byte[] buffer, int length, int limit, CancellationToken cancellationToken)
    {
        while (length < limit && !ended)
        {
            var read = await input.ReadAsync(buffer.AsMemory(length, limit - length), cancellationToken);
            if (read == 0) ended = true;
            length += read;
        }
        return length;
    }

    /// <summary>After <see cref="NextAsync"/> gave null without reaching the end: the bytes held and the unread input, as one stream.</summary>
    public Stream? TakeRemainder()
    {
        if (carry is null) return null;
        var held = carry.AsSpan(0, carryLength).ToArray();
        ArrayPool<byte>.Shared.Return(carry);
        carry = null;
        return new ConcatenatedStream(held, ended ? Stream.Null : input);
    }

    private CsvChunk? Finish(byte[] buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        carry = null;
        return null;
    }

    private static byte[] Copy(ReadOnlySpan<byte> bytes, int capacity, out int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        bytes.CopyTo(buffer);
        length = bytes.Length;
        return buffer;
    }
}
