using ContestSite.Search;

namespace ContestSite.Core.Tests.Catalog;

/// <summary>
/// Entry point of the test assembly when a test starts it as a child process (`dotnet exec` on this
/// dll): it holds the catalogue index writer open until it is killed.
/// </summary>
public static class TestAssemblyEntryPoint
{
    public const string HoldIndexLock = "hold-catalog-index-lock";

    public static int Main(string[] args)
    {
        if (args.Length != 2 || args[0] != HoldIndexLock)
        {
            Console.Error.WriteLine($"usage: {HoldIndexLock} <index folder>");
            return 2;
        }
        var index = new CatalogIndex(new CatalogIndexOptions { Folder = args[1] });
        index.Upsert(CatalogIndexTests.Published("公交线路"));
        index.Commit();
        index.Upsert(CatalogIndexTests.Published("未提交的地铁站点"));
        Console.WriteLine("locked");
        Thread.Sleep(Timeout.Infinite);
        GC.KeepAlive(index);
        return 0;
    }
}
