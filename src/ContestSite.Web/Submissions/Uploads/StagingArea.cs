using System.Collections.Concurrent;
using System.Security.Cryptography;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>What a chunk did: the new offset, or why it was refused (nothing of it kept).</summary>
public sealed record ChunkResult(long Offset, ChunkRefusal? Refusal = null);

public enum ChunkRefusal { TooLong, ChecksumMismatch }

/// <summary>
/// The staging folder for uploads in progress: one file per upload, named by its id, on the same volume as
/// the store so that a finished file is renamed into it, not copied. The bytes received so far are the
/// file's length, so a restarted site knows each upload's offset without a database write per chunk.
/// </summary>
public sealed class StagingArea
{
    private const int BufferSize = 81920;
    // The running SHA-256 of uploads received in this process, so a finished file is not read again to hash it.
    private readonly ConcurrentDictionary<Guid, RunningHash> _hashes = new();

    public StagingArea(AppDataPaths paths)
    {
        Folder = Path.Combine(paths.Root, "staging");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(Guid id) => Path.Combine(Folder, id.ToString("N") + ".part");

    public long OffsetOf(Guid id)
    {
        var file = new FileInfo(PathOf(id));
        return file.Exists ? file.Length : 0;
    }

    public void Create(Guid id)
    {
        using var _ = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write);
        _hashes[id] = new RunningHash();
    }

    /// <summary>
    /// Appends <paramref name="body"/> at <paramref name="offset"/>, never past <paramref name="maxLength"/>.
    /// A chunk that is too long, fails its checksum or breaks off is cut back to where it started when
    /// refused; a chunk that breaks off keeps what arrived, so the client resumes from there.
    /// </summary>
    public async Task<ChunkResult> AppendAsync(Guid id, long offset, Stream body, long maxLength, byte[]? expectedSha256, CancellationToken cancellationToken)
    {
        var running = _hashes.TryGetValue(id, out var hash) && hash.Offset == offset ? hash : null;
        _hashes.TryRemove(id, out _);
        using var chunkHash = expectedSha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(PathOf(id), FileMode.Open, FileAccess.Write, FileShare.Read, BufferSize, FileOptions.Asynchronous);
        file.SetLength(offset);
        file.Position = offset;
        var buffer = new byte[BufferSize];
        long position = offset;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (position + read > maxLength) return await RefuseAsync(file, offset, ChunkRefusal.TooLong);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                chunkHash?.AppendData(buffer, 0, read);
                running?.Hash.AppendData(buffer, 0, read);
                position += read;
            }
        }
        catch (Exception) when (running is not null)
        {
            running.Dispose();
            running = null;
            await file.FlushAsync(CancellationToken.None);
            throw;
        }
        if (chunkHash is not null && !CryptographicOperations.FixedTimeEquals(chunkHash.GetHashAndReset(), expectedSha256))
        {
            running?.Dispose();
            return await RefuseAsync(file, offset, ChunkRefusal.ChecksumMismatch);
        }
        await file.FlushAsync(cancellationToken);
        file.Flush(flushToDisk: true);
        if (running is not null) _hashes[id] = running with { Offset = position };
        return new ChunkResult(position);
    }

    /// <summary>The SHA-256 of the whole staged file: from the running hash when every chunk came through this process.</summary>
    public async Task<string> Sha256Async(Guid id, long length, CancellationToken cancellationToken)
    {
        if (_hashes.TryRemove(id, out var running) && running.Offset == length)
        {
            using (running) return Convert.ToHexStringLower(running.Hash.GetHashAndReset());
        }
        running?.Dispose();
        await using var file = new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    public void Delete(Guid id)
    {
        if (_hashes.TryRemove(id, out var running)) running.Dispose();
        File.Delete(PathOf(id));
    }

    /// <summary>Staged files whose upload is not in <paramref name="live"/> (a crash between steps leaves these).</summary>
    public IEnumerable<Guid> Orphans(IReadOnlySet<Guid> live) =>
        Directory.EnumerateFiles(Folder)
            .Select(path => Guid.TryParseExact(Path.GetFileNameWithoutExtension(path), "N", out var id) ? id : Guid.Empty)
            .Where(id => !live.Contains(id));

    /// <summary>Removes files in the folder that are not uploads at all (half-written temporaries).</summary>
    public void DeleteStrays()
    {
        foreach (var path in Directory.EnumerateFiles(Folder).Where(p => !p.EndsWith(".part", StringComparison.Ordinal))) File.Delete(path);
    }

    private static async Task<ChunkResult> RefuseAsync(FileStream file, long offset, ChunkRefusal refusal)
    {
        file.SetLength(offset);
        await file.FlushAsync(CancellationToken.None);
        return new ChunkResult(offset, refusal);
    }

    private sealed record RunningHash(long Offset = 0) : IDisposable
    {
        public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        public void Dispose() => Hash.Dispose();
    }
}
