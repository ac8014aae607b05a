using System.Security.Cryptography;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Storage;

/// <summary>A stored file: its key (the SHA-256 of the content) and size.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>
/// Where uploaded files live, by content hash, outside the web root. Names given by users are never
/// used as paths. Local disk now; an S3-compatible store can implement the same interface.
/// </summary>
public interface IFileStore
{
    /// <summary>Streams <paramref name="content"/> to storage; refuses (and keeps nothing) past <paramref name="maxBytes"/>.</summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);
    Stream OpenRead(string key);
    bool Exists(string key);

    /// <summary>
    /// Takes a finished, flushed file whose SHA-256 the caller computed, by renaming it into place (no copy).
    /// The file must be on the same volume as the store; it is gone from <paramref name="path"/> afterwards.
    /// </summary>
    Task<StoredFile> MoveInAsync(string path, string sha256, CancellationToken cancellationToken = default);
}

public sealed class FileTooLargeException(long maxBytes) : Exception($"file larger than {maxBytes} bytes")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>
/// Writes to a temporary file, flushes it to disk, then renames it into place: a crash leaves either no
/// file or the whole file, never half of one.
/// </summary>
public sealed class LocalFileStore(AppDataPaths paths) : IFileStore
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
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);
            return new StoredFile(sha, size, sha);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public Task<StoredFile> MoveInAsync(string path, string sha256, CancellationToken cancellationToken = default)
    {
        var size = new FileInfo(path).Length;
        var target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Same content is already stored: keep that one (content-addressed, so it is identical).
        if (File.Exists(target)) File.Delete(path);
        else File.Move(path, target);
        return Task.FromResult(new StoredFile(sha256, size, sha256));
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public bool Exists(string key) => IsKey(key) && File.Exists(PathOf(key));

    private string PathOf(string key)
    {
        if (!IsKey(key)) throw new ArgumentException("not a storage key", nameof(key));
        return Path.Combine(paths.Files, key[..2], key[2..4], key);
    }

    private static bool IsKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);
}
