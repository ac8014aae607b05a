using System.Buffers;

namespace ContestSite.Core.Bundles.Masking.Csv;

/// <summary>Masked rows gather here and go to the output stream in large writes.</summary>
internal sealed class CsvOutputBuffer(Stream output, int capacity) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);

    // Output to a stream goes out in writes of this size; a chunk's output in memory stays one array.
    private const int StreamWriteBytes = 256 * 1024;

    public int Length { get; private set; }
    public bool ShouldFlush => Length >= StreamWriteBytes && output is not PooledByteSink;
    public int FreeBytes => capacity - Length;
    public Span<byte> Free => buffer.AsSpan(Length, capacity - Length);

    public void Advance(int count) => Length += count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Write(byte value) => buffer[Length++] = value;

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (Length == 0) return;
        if (output is PooledByteSink sink)
        {
            // A chunk's output waits in memory for its turn: the filled array is handed over, not copied.
            sink.Adopt(buffer, Length);
            buffer = ArrayPool<byte>.Shared.Rent(capacity);
        }
        else await output.WriteAsync(buffer.AsMemory(0, Length), cancellationToken);
        Length = 0;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
