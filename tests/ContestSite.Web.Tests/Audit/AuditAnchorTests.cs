using ContestSite.Web.Audit;
using ContestSite.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Audit;

/// <summary>The anchor file shared by nodes (one volume, one file): every node's lines arrive whole.</summary>
public sealed class AuditAnchorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "contestsite-tests", "anchor-" + Guid.NewGuid().ToString("N"));

    private AuditAnchor Node() =>
        new(new AuditFiles(Options.Create(new AuditOptions()), new AppDataPaths(_folder, ".")), NullLogger<AuditAnchor>.Instance);

    [Fact]
    public async Task Two_nodes_appending_to_one_anchor_at_once_keep_every_line_whole()
    {
        var (first, second) = (Node(), Node());
        var hash = new string('a', 64);
        var at = new DateTimeOffset(2020, 11, 5, 2, 0, 0, TimeSpan.Zero);
        // Both nodes have started (each reads the empty anchor once): neither skips lines because the other ran first.
        first.Record(new AuditAnchorPoint(0, hash, at));
        second.Record(new AuditAnchorPoint(0, hash, at));

        // Odd sequences from one node, even from the other, as two nodes committing in turn; each node's own lines rise.
        await Task.WhenAll(
            Task.Run(() => { for (var i = 1; i <= 400; i += 2) first.Record(new AuditAnchorPoint(i, hash, at)); }),
            Task.Run(() => { for (var i = 2; i <= 400; i += 2) second.Record(new AuditAnchorPoint(i, hash, at)); }));

        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "audit", "anchor.log"));
        var points = first.ReadAll().ToList();
        Assert.Equal(400, lines.Length);
        Assert.Equal(400, points.Count);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), points.Select(p => p.Sequence).Order());
        Assert.Equal(400, second.Newest()!.Sequence);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
