namespace ContestSite.Search;

/// <summary>
/// Keeps a second process from writing the same index folder. Measured on Linux: Lucene.Net's
/// NativeFSLockFactory does not stop a writer in another process, so the folder is also locked with
/// a file opened FileShare.None, which .NET enforces with an OS lock (flock) that dies with the process:
/// a kill never leaves it stale.
/// </summary>
internal sealed class WriterFolderLock : IDisposable
{
    private const string FileName = "contestsite-writer.lock";

    private readonly FileStream _stream;

    private WriterFolderLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when a live process (or this one) holds it.</summary>
    public static WriterFolderLock? TryAcquire(string folder)
    {
        try
        {
            return new WriterFolderLock(new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
