using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace ContestSite.Web.Storage;

/// <summary>
/// Remembers which stored files were hashed and matched their key, by the identity of the file on disk
/// (length, modification and birth time, read from the open handle), so a 1 GB download is hashed once and
/// not on every request, while any change to the file (a write, a replacement) makes it hashed again.
/// </summary>
public sealed class StoredFileVerifications
{
    private readonly ConcurrentDictionary<string, FileIdentity> _verified = new(StringComparer.Ordinal);

    /// <summary>Whether the bytes behind <paramref name="opened"/> hash to <paramref name="key"/>; leaves the stream at its start.</summary>
    public async Task<bool> MatchesAsync(string path, string key, FileStream opened, CancellationToken cancellationToken)
    {
        var before = FileIdentity.Of(opened.SafeFileHandle);
        if (_verified.TryGetValue(path, out var known) && known == before) return true;
        opened.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(opened, cancellationToken));
        opened.Position = 0;
        // A file that changed while it was hashed is not taken as verified, whatever the hash said.
        var matches = hash == key && FileIdentity.Of(opened.SafeFileHandle) == before;
        if (matches) _verified[path] = before;
        else _verified.TryRemove(path, out _);
        return matches;
    }

    /// <summary>For a file the store itself just renamed into place after hashing what it received.</summary>
    public void Remember(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        _verified[path] = FileIdentity.Of(handle);
    }

    private sealed record FileIdentity(long Length, DateTime Modified, DateTime Born)
    {
        public static FileIdentity Of(SafeFileHandle handle) =>
            new(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle), File.GetCreationTimeUtc(handle));
    }
}
