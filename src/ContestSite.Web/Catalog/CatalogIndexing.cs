using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Data.Catalog;
using ContestSite.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContestSite.Web.Catalog;

/// <summary>
/// The change log and cursor over EF Core. Each node keeps its own index on local disk, so the cursor
/// row is named after the index folder's identity (a file in the folder): a wiped or new index has no
/// cursor and is rebuilt, and two nodes never share one cursor.
/// </summary>
public sealed class EfCatalogChangeSource(IServiceScopeFactory scopes, string indexName) : ICatalogChangeSource
{
    public string IndexName { get; } = indexName;

    public async Task<long> LoadCursorAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        return await db.IndexCursors.Where(c => c.IndexName == IndexName).Select(c => c.LastChangeId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> HasCursorAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContestDbContext>().IndexCursors.AnyAsync(c => c.IndexName == IndexName, cancellationToken);
    }

    public async Task<IReadOnlyList<CatalogChange>> ReadChangesAfterAsync(long cursor, int max, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        return await db.CatalogChanges.AsNoTracking().Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(max).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Dataset>> LoadDatasetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        return await db.Datasets.AsNoTracking().Include(d => d.Fields).AsSplitQuery().Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
    }

    public async Task SaveCursorAsync(long cursor, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var row = await db.IndexCursors.SingleOrDefaultAsync(c => c.IndexName == IndexName, cancellationToken);
        if (row is null) db.IndexCursors.Add(new IndexCursor { IndexName = IndexName, LastChangeId = cursor });
        else row.LastChangeId = cursor;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest change id now; a rebuild that starts after reading it misses nothing newer.</summary>
    public async Task<long> LatestChangeIdAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        return await db.CatalogChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }
}

/// <summary>
/// Keeps this node's index following the database: on start, an index without a cursor, or whose format
/// is not this code's (<see cref="CatalogIndex.FormatVersion"/>), is rebuilt from the database, and the
/// node is not ready (<see cref="CatalogIndexHealthCheck"/>) until then; then changes are applied within
/// a second of being committed.
/// </summary>
public sealed class CatalogIndexService(CatalogIndex index, EfCatalogChangeSource source, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CatalogIndexService> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>True once the start-up check (and the rebuild it called for) is done: searches answer from a current index.</summary>
    public bool IsReady => _ready;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (index.NeedsRebuild)
                {
                    logger.LogInformation("The catalogue index has not been built in format {Format} of this version; rebuilding it from the database", CatalogIndex.FormatVersion);
                    await RebuildAsync(stoppingToken);
                }
                else if (!await source.HasCursorAsync(stoppingToken))
                {
                    await RebuildAsync(stoppingToken);
                }
                _ready = true;
                var follower = new IndexFollower(index, source, clock);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await _gate.WaitAsync(stoppingToken);
                    int applied;
                    try { applied = await follower.RunOnceAsync(stoppingToken); }
                    finally { _gate.Release(); }
                    if (applied < IndexFollower.BatchSize) await Task.Delay(Idle, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The catalogue index could not follow the database; retrying in 5 seconds");
                try { await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Rebuilds the whole index from the database and sets the cursor to where the rebuild began.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var from = await source.LatestChangeIdAsync(cancellationToken);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
            var published = db.Datasets.AsNoTracking().Include(d => d.Fields).AsSplitQuery()
                .Where(d => d.Status == DatasetStatus.Published).AsAsyncEnumerable().ToBlockingEnumerable(cancellationToken);
            await index.RebuildAsync(published, cancellationToken);
            await source.SaveCursorAsync(from, cancellationToken);
            logger.LogInformation("Catalogue index rebuilt: {Count} datasets", index.Count);
            return index.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}

/// <summary>Unhealthy while the node's catalogue index is being built at start, so a balancer sends it no searches yet.</summary>
public sealed class CatalogIndexHealthCheck(CatalogIndexService service) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(service.IsReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the catalogue index is being built"));
}

/// <summary>Writes a change-log row for every dataset a save touches, in the same transaction, so the index cannot miss one.</summary>
public sealed class CatalogChangeInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ContestDbContext db) CatalogChangeLog.AppendTrackedChanges(db, clock.GetUtcNow());
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ContestDbContext db) CatalogChangeLog.AppendTrackedChanges(db, clock.GetUtcNow());
        return ValueTask.FromResult(result);
    }
}

public static class CatalogIndexIdentity
{
    /// <summary>A stable name for the index in this folder, created with the folder.</summary>
    public static string For(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "index-identity");
        if (!File.Exists(file))
        {
            var temp = file + ".tmp";
            File.WriteAllText(temp, "catalog-" + Guid.NewGuid().ToString("N"));
            File.Move(temp, file, overwrite: false);
        }
        return File.ReadAllText(file).Trim();
    }
}
