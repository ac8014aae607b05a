using System.Security.Cryptography;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Storage;

/// <summary>A stored file: its key (the SHA-256 of the content) and size.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>
/// Where uploaded files live, by content hash, outside the web root. Names given by users are never
/// used as paths. The store is write-once: a file is finished privately, then renamed into place read-only,
/// and nothing opens a stored file for writing. Local disk now; an S3-compatible store can implement the same interface.
/// </summary>
public interface IFileStore
{
    /// <summary>Streams <paramref name="content"/> to storage; refuses (and keeps nothing) past <paramref name="maxBytes"/>.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a finished, flushed file whose SHA-256 the caller computed by renaming it into a private pending
    /// place (no copy; same volume), read-only. It is gone from <paramref name="path"/> afterwards; check it
    /// there, then commit it or dispose of it.
    /// </summary>
    Task<IPendingFile> StageAsync(string path, string sha256, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file only after its bytes are known to match its key; see <see cref="VerifiedRead"/>.</summary>
    Task<VerifiedRead> OpenVerifiedAsync(string key, CancellationToken cancellationToken = default);

    bool Exists(string key);

    /// <summary>Deletes pending files left by a crash between staging and commit, last written before <paramref name="before"/>.</summary>
    int DeleteAbandonedPending(DateTimeOffset before);
}

/// <summary>A file on its way into the store, readable by the checks and by nobody else; deleted unless committed.</summary>
public interface IPendingFile : IAsyncDisposable
{
    string Sha256 { get; }
    long Size { get; }
    Stream OpenRead();
    Task<StoredFile> CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>The content, or why there is none: the file is missing, or its bytes no longer match its key.</summary>
public sealed record VerifiedRead(Stream? Content, bool Missing = false, bool Tampered = false)
{
    public static VerifiedRead NotFound { get; } = new(null, Missing: true);
    public static VerifiedRead Mismatch { get; } = new(null, Tampered: true);
}

public sealed class FileTooLargeException(long maxBytes) : Exception($"file larger than {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>
/// Writes to a temporary file, flushes it to disk, then renames it into place: a crash leaves either no
/// file or the whole file, never half of one.
/// </summary>
public sealed class LocalFileStore(AppDataPaths paths, StoredFileVerifications verifications, ILogger<LocalFileStore> logger) : IFileStore
{
    private const int BufferSize = 81920;

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        var temp = Path.Combine(paths.Temp, Guid.NewGuid().ToString("N") + ".upload");
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new FileTooLargeException(maxBytes);
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            await using var pending = await StageAsync(temp, Convert.ToHexStringLower(hash.GetHashAndReset()), cancellationToken);
            return await pending.CommitAsync(cancellationToken);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Task<IPendingFile> StageAsync(string path, string sha256, CancellationToken cancellationToken = default)
    {
        if (!IsKey(sha256)) throw new ArgumentException("not a storage key", nameof(sha256));
        var folder = Directory.CreateDirectory(Path.Combine(paths.Temp, "pending")).FullName;
        var pending = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        File.Move(path, pending);
        MakeReadOnly(pending);
        return Task.FromResult<IPendingFile>(new PendingFile(this, pending, sha256, new FileInfo(pending).Length));
    }

    public async Task<VerifiedRead> OpenVerifiedAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!Exists(key)) return VerifiedRead.NotFound;
        var path = PathOf(key);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            if (await verifications.MatchesAsync(path, key, stream, cancellationToken)) return new VerifiedRead(stream);
            await stream.DisposeAsync();
            return VerifiedRead.Mismatch;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public bool Exists(string key) => IsKey(key) && File.Exists(PathOf(key));

    public int DeleteAbandonedPending(DateTimeOffset before)
    {
        var folder = Path.Combine(paths.Temp, "pending");
        if (!Directory.Exists(folder)) return 0;
        var abandoned = new DirectoryInfo(folder).EnumerateFiles().Where(f => f.LastWriteTimeUtc < before.UtcDateTime).ToList();
        foreach (var file in abandoned) file.Delete();
        return abandoned.Count;
    }

    /// <summary>
    /// Renames the pending file into place. When the key is already stored, the stored bytes are verified first
    /// and kept only if they match; a stored file that no longer matches is replaced by the checked one.
    /// </summary>
    private async Task<StoredFile> CommitAsync(PendingFile pending, CancellationToken cancellationToken)
    {
        var target = PathOf(pending.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            if (await MatchesAsync(target, pending.Sha256, cancellationToken))
            {
                File.Delete(pending.Path);
                return new StoredFile(pending.Sha256, pending.Size, pending.Sha256);
            }
            logger.LogWarning("Stored file {Key} no longer matched its hash; replaced by a checked upload of the same content", pending.Sha256);
        }
        // Rename is atomic on one volume: readers see the old file or the new one, never a mix.
        File.Move(pending.Path, target, overwrite: true);
        verifications.Remember(target);
        return new StoredFile(pending.Sha256, pending.Size, pending.Sha256);
    }

    private async Task<bool> MatchesAsync(string path, string key, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await verifications.MatchesAsync(path, key, stream, cancellationToken);
    }

    private static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private string PathOf(string key)
    {
        if (!IsKey(key)) throw new ArgumentException("not a storage key", nameof(key));
        return Path.Combine(paths.Files, key[..2], key[2..4], key);
    }

    private static bool IsKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);

    private sealed class PendingFile(LocalFileStore store, string path, string sha256, long size) : IPendingFile
    {
        private bool _committed;
        public string Path { get; } = path;
        public string Sha256 { get; } = sha256;
        public long Size { get; } = size;

        public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);

        public async Task<StoredFile> CommitAsync(CancellationToken cancellationToken = default)
        {
            var stored = await store.CommitAsync(this, cancellationToken);
            _committed = true;
            return stored;
        }

        public ValueTask DisposeAsync()
        {
            if (!_committed) File.Delete(Path);
            return ValueTask.CompletedTask;
        }
    }
}
