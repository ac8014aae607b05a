using System.Security.Cryptography;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>
/// A write-only stream that hashes (SHA-256) and counts what passes through, so the manifest can state the
/// digest of the masked output as it is streamed. The target is opened on the first write: a file whose
/// masking fails before writing anything leaves no (empty) entry behind.
/// </summary>
public sealed class HashingWriteStream(Func<CancellationToken, Task<Stream>> openTarget, bool ownsTarget) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Stream? target;

    public long BytesWritten { get; private set; }
    public bool Opened => target is not null;

    public string Sha256() => Convert.ToHexStringLower(hash.GetCurrentHash());

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        target ??= await openTarget(cancellationToken);
        hash.AppendData(buffer.Span);
        BytesWritten += buffer.Length;
        await target.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel refuses synchronous writes; everything in the serving path writes asynchronously.
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => target?.FlushAsync(cancellationToken) ?? Task.CompletedTask;
    public override void Flush() { }

    /// <summary>Opens the target even if nothing was written (an empty file is still a file).</summary>
    public async Task EnsureOpenedAsync(CancellationToken cancellationToken) => target ??= await openTarget(cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (ownsTarget && target is not null) await target.DisposeAsync();
        hash.Dispose();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) hash.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
