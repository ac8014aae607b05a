using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Files;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// Removes what interrupted uploads leave: on start and then periodically, uploads never finished or never
/// saved within <see cref="SubmissionUploadOptions.StaleAfter"/>, staged files without an upload, and stray
/// temporaries. Files already in the store stay (content-addressed, possibly shared).
/// </summary>
public sealed class StagingCleanup(IServiceScopeFactory scopes, StagingArea staging, IFileStore store, IOptions<SubmissionUploadOptions> options,
    ThumbnailQueue thumbnails, TimeProvider clock, ILogger<StagingCleanup> logger) : BackgroundService
{
    /// <summary>The first pass runs before the site takes requests, so a restarted site never serves a leftover.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunSafelyAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RunSafelyAsync(stoppingToken);
    }

    /// <summary>The thumbnail queue lives in memory: screenshots it never finished (full queue, restart) are queued again.</summary>
    private async Task RequeueMissingThumbnailsAsync(ContestDbContext db, CancellationToken cancellationToken)
    {
        var missing = await db.SubmissionFiles.Where(f => f.Kind == SubmissionFileKind.Screenshot && !db.SubmissionThumbnails.Any(t => t.SourceKey == f.StorageKey))
            .Select(f => f.StorageKey).Distinct().OrderBy(key => key).Take(500).ToListAsync(cancellationToken);
        foreach (var key in missing.TakeWhile(key => thumbnails.TryEnqueue(new ThumbnailJob(key)))) logger.LogDebug("Thumbnails of {Key} queued again", key);
    }

    private async Task RunSafelyAsync(CancellationToken cancellationToken)
    {
        try { await RunOnceAsync(cancellationToken); }
        catch (Exception exception) when (exception is not OperationCanceledException) { logger.LogError(exception, "Staging cleanup failed"); }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.StaleAfter;
        var stale = await db.SubmissionUploads.Where(u => u.Status != SubmissionUploadStatus.Used).ToListAsync(cancellationToken);
        var expired = stale.Where(u => u.StartedAt < cutoff || u.Status == SubmissionUploadStatus.Cancelled).ToList();
        db.SubmissionUploads.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var upload in expired) staging.Delete(upload.Id);
        // A checking upload may still have its staged file for a moment, before it is renamed into the store.
        var live = (await db.SubmissionUploads.Where(u => u.Status == SubmissionUploadStatus.Receiving || u.Status == SubmissionUploadStatus.Checking).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
        var orphans = staging.Orphans(live).ToList();
        foreach (var orphan in orphans) staging.Delete(orphan);
        staging.DeleteStrays();
        // A pending file lives for one completion (seconds): one this old was left by a crash before its commit.
        store.DeleteAbandonedPending(cutoff);
        await RequeueMissingThumbnailsAsync(db, cancellationToken);
        if (expired.Count + orphans.Count > 0) logger.LogInformation("Removed {Expired} stale uploads and {Orphans} orphan staged files", expired.Count, orphans.Count);
    }
}
