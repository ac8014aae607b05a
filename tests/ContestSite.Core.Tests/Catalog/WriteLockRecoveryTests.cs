using System.Diagnostics;
using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

public sealed class WriteLockRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task After_a_writer_process_is_killed_its_write_lock_is_not_stale_and_a_new_writer_opens_the_index()
    {
        using var holder = StartLockHolder();
        var ready = await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("locked", ready);
        Assert.Throws<InvalidOperationException>(() => new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path }));

        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();

        Assert.True(File.Exists(Path.Combine(_folder.Path, "write.lock")), "the killed writer leaves its write.lock file behind");
        using var index = new CatalogIndex(new CatalogIndexOptions { Folder = _folder.Path });
        Assert.Equal(1, index.Count);
        Assert.Equal("公交线路", Assert.Single(index.Searcher.Search(new CatalogQuery()).Items).Title);
    }

    private Process StartLockHolder()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var assembly = typeof(TestAssemblyEntryPoint).Assembly.Location;
        var start = new ProcessStartInfo(dotnet)
        {
            ArgumentList = { "exec", assembly, TestAssemblyEntryPoint.HoldIndexLock, _folder.Path },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the lock holder");
    }
}
