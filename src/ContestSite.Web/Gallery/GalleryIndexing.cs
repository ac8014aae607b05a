using ContestSite.Data;
using ContestSite.Search.Gallery;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Gallery;

/// <summary>The published gallery entries over EF Core, as the gallery index follower reads them.</summary>
public sealed class EfGalleryEntrySource(IServiceScopeFactory scopes) : IGalleryEntrySource
{
    public async Task<IReadOnlyList<GalleryStamp>> ReadPublishedStampsAsync(int afterId, int max, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var rows = await db.GalleryEntries.AsNoTracking().Where(e => e.PublishedAt != null && e.Id > afterId).OrderBy(e => e.Id).Take(max)
            .Select(e => new { e.Id, e.Version, e.UpdatedAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new GalleryStamp(r.Id, GalleryDocument.StampOf(r.Version, r.UpdatedAt))).ToList();
    }

    public async Task<IReadOnlyList<GalleryDocument>> LoadPublishedAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var entries = await db.GalleryEntries.AsNoTracking().Where(e => e.PublishedAt != null && ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var trackIds = entries.Select(e => e.TrackId).Distinct().ToList();
        var tracks = await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        // The entry page shows the version's own description when there is no showcase text: the same text is searched.
        var withoutText = entries.Where(e => string.IsNullOrWhiteSpace(e.ShowcaseText)).Select(e => e.SubmissionId).ToList();
        var descriptions = (await db.SubmissionVersions.AsNoTracking().Where(v => withoutText.Contains(v.SubmissionId))
            .Select(v => new { v.SubmissionId, v.Number, v.Description }).ToListAsync(cancellationToken))
            .ToDictionary(v => (v.SubmissionId, v.Number), v => v.Description);
        return entries.Select(e => new GalleryDocument(e.Id, GalleryDocument.StampOf(e.Version, e.UpdatedAt), e.ShowcaseTitle, e.TeamDisplayName,
            PlainText(string.IsNullOrWhiteSpace(e.ShowcaseText) ? descriptions.GetValueOrDefault((e.SubmissionId, e.VersionNumber)) : e.ShowcaseText),
            e.Domain, e.Year, e.TrackId, tracks.GetValueOrDefault(e.TrackId), e.AwardLevel?.ToString(), e.AwardName, e.PublishedAt!.Value)).ToList();
    }

    /// <summary>Markdown without its markup, so link targets and image paths are not searched as words.</summary>
    private static string? PlainText(string? markdown) => string.IsNullOrWhiteSpace(markdown) ? null : Markdown.ToPlainText(markdown);
}

public sealed class GalleryIndexingOptions
{
    public const string Section = "ContestSite:Gallery:Index";

    /// <summary>How often this node's index compares itself with the database: changes made on other nodes show within it. Changes made on this node are caught up at once.</summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Keeps this node's gallery index following the database, like the catalogue's: every node has its own
/// index on local disk and converges on the database within <see cref="GalleryIndexingOptions.FollowInterval"/>. A change made on this node is
/// caught up at once (<see cref="CatchUpAsync"/>, called by <see cref="GalleryCache"/>), before the cached pages are dropped.
/// </summary>
public sealed class GalleryIndexService(GalleryIndex index, IGalleryEntrySource source, IOptions<GalleryIndexingOptions> options,
    TimeProvider clock, ILogger<GalleryIndexService> logger) : BackgroundService
{
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _queueLock = new();
    private Task? _queued;
    private readonly GalleryIndexFollower _follower = new(index, source);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var rest = options.Value.FollowInterval;
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The gallery index could not follow the database; retrying in 5 seconds");
                rest = AfterFailure;
            }
            try { await Task.Delay(rest, clock, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>
    /// Brings this node's index up to date now: waits for a pass that starts after this call. Callers that
    /// arrive while a pass runs share the next one, so a burst of changes (or of likes) costs two passes, not one each.
    /// A failure is logged, not thrown: the change is saved, and the background pass retries.
    /// </summary>
    public Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        lock (_queueLock)
        {
            // On the thread pool, so the pass cannot start (and clear the slot) before it is stored here.
            _queued ??= Task.Run(QueuedPassAsync, CancellationToken.None);
            return _queued.WaitAsync(cancellationToken);
        }
    }

    private async Task QueuedPassAsync()
    {
        var entered = false;
        try
        {
            await _gate.WaitAsync();
            entered = true;
            // From here on the pass has not read anything yet, and a caller arriving now queues the next one.
            lock (_queueLock) _queued = null;
            await _follower.RunOnceAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The gallery index could not catch up after a change; the background pass will retry");
        }
        finally
        {
            if (entered) _gate.Release();
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _follower.RunOnceAsync(cancellationToken);
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
