using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ContestSite.Web.Storage;

/// <summary>
/// Remembers which stored files were hashed and matched their key, by the identity of the file on disk read
/// from the open handle (inode, length, change and modification time), so a 1 GB download is hashed once and
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

    /// <summary>
    /// On Linux the inode and the change time (which no one can set back, unlike the modification time) from
    /// statx on the open handle; elsewhere length, modification and birth time.
    /// </summary>
    private sealed record FileIdentity(long Length, DateTime Modified, DateTime Born, ulong Inode = 0, long ChangedSeconds = 0, uint ChangedNanoseconds = 0)
    {
        private const int AtEmptyPath = 0x1000;
        private const uint BasicStats = 0x7ff;

        public static FileIdentity Of(SafeFileHandle handle)
        {
            var basic = new FileIdentity(RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle), File.GetCreationTimeUtc(handle));
            if (!OperatingSystem.IsLinux()) return basic;
            var buffer = new byte[256];
            var added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                if (Statx((int)handle.DangerousGetHandle(), [0], AtEmptyPath, BasicStats, buffer) != 0) return basic;
            }
            catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
            {
                return basic;
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
            // struct statx: stx_ino at 32, stx_ctime (tv_sec, tv_nsec) at 96.
            return basic with
            {
                Inode = BitConverter.ToUInt64(buffer, 32),
                ChangedSeconds = BitConverter.ToInt64(buffer, 96),
                ChangedNanoseconds = BitConverter.ToUInt32(buffer, 104),
            };
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
    }
}
