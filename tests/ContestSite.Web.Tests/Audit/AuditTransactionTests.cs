using ContestSite.Core.Audit;
using ContestSite.Web.Audit;
using ContestSite.Web.Contests.UseCases;
using ContestSite.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestSite.Web.Tests.Audit;

/// <summary>
/// An entry and the change it records are one transaction; appends are ordered by the database, so several
/// nodes over one database extend one chain.
/// </summary>
public sealed class AuditTransactionTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_change_whose_entry_cannot_be_written_does_not_happen(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        var tracksBefore = await site.WithDbAsync(db => db.Tracks.CountAsync());
        var entriesBefore = await site.WithDbAsync(db => db.AuditEntries.CountAsync());
        // The chain cannot be extended (its head row is gone): the change that needs an entry must fail with it.
        await site.TamperAsync("DELETE FROM \"AuditChainHeads\"");

        using (var scope = site.Services.CreateScope())
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<SaveTrack>().SaveAsync(null, "没有记录的赛道", null));

        Assert.Equal(tracksBefore, await site.WithDbAsync(db => db.Tracks.CountAsync()));
        Assert.False(await site.WithDbAsync(db => db.Tracks.AnyAsync(t => t.Name == "没有记录的赛道")));
        Assert.Equal(entriesBefore, await site.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task A_change_the_database_refuses_leaves_no_entry_and_the_chain_continues(TestProvider provider)
    {
        await using var site = await SiteFactory.CreateAsync(provider);
        await site.ApprovedTeamAsync();
        var trackId = await site.WithDbAsync(db => db.Teams.Select(t => t.TrackId).FirstAsync());
        var head = await site.WithDbAsync(db => db.AuditChainHeads.AsNoTracking().SingleAsync());

        ContestChange? refused;
        using (var scope = site.Services.CreateScope())
            refused = await scope.ServiceProvider.GetRequiredService<DeleteTrack>().DeleteAsync(trackId);

        Assert.False(refused!.Saved);
        Assert.True(await site.WithDbAsync(db => db.Tracks.AnyAsync(t => t.Id == trackId)));
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "contest.track-deleted")));
        var after = await site.WithDbAsync(db => db.AuditChainHeads.AsNoTracking().SingleAsync());
        Assert.Equal((head.Sequence, head.Hash), (after.Sequence, after.Hash));
        using (var scope = site.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<SaveTrack>().SaveAsync(null, "之后的赛道", null);
        Assert.Null((await site.VerifyAsync()).FirstBreak);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_appending_at_once_extend_one_unbroken_chain()
    {
        await using var first = await SiteFactory.CreateAsync(TestProvider.Postgres);
        // A second node: its own process state and folder, the same database, the same data-protection keys
        // and the same audit folder (chain keys and anchor), as nodes sharing a volume would have.
        await using var second = await SiteFactory.CreateAsync(TestProvider.Postgres, settings: s =>
        {
            s["ConnectionStrings:Postgres"] = first.PostgresConnectionString;
            s["ContestSite:Audit:KeyFolder"] = Path.Combine(first.AppDataPath, "audit");
            // (The settings are also read once before the site's folder exists, to see what they change.)
            if (!s.TryGetValue("ContestSite:AppDataPath", out var own) || own is null) return;
            var keys = Path.Combine(own, "keys");
            Directory.CreateDirectory(keys);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(first.AppDataPath, "keys")))
                File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
        });
        var before = await first.WithDbAsync(db => db.AuditEntries.LongCountAsync());

        await Task.WhenAll(new[] { first, second }.SelectMany(node => Enumerable.Range(0, 25).Select(i => Task.Run(async () =>
        {
            using var scope = node.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(new AuditEvent("test.two-nodes", $"item:{i}", "ok"));
        }))));

        var entries = await first.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.Equal(before + 50, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries);
        var verified = await first.VerifyAsync();
        Assert.Null(verified.FirstBreak);
        Assert.Equal(entries.Count, verified.AnchoredUpTo);
        Assert.Null((await second.VerifyAsync()).FirstBreak);
    }
}
