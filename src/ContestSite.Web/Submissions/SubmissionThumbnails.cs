using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Files;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions;

/// <summary>
/// The re-encoded thumbnails of stored images: the only form in which an uploaded image is shown inline.
/// Judging and the gallery look them up here by the image's storage key and one of the allowed widths.
/// </summary>
[ExtensionPoint]
public sealed class SubmissionThumbnails(ContestDbContext db, ThumbnailQueue queue)
{
    public Task<SubmissionThumbnail?> FindAsync(string sourceKey, int width, CancellationToken cancellationToken = default) =>
        db.SubmissionThumbnails.AsNoTracking().FirstOrDefaultAsync(t => t.SourceKey == sourceKey && t.SlotWidth == width, cancellationToken);

    /// <summary>Queues the image unless it has thumbnails already; a full queue is left to the sweep at the next start.</summary>
    public async Task RequestAsync(string sourceKey, CancellationToken cancellationToken = default)
    {
        if (!await db.SubmissionThumbnails.AnyAsync(t => t.SourceKey == sourceKey, cancellationToken))
            queue.TryEnqueue(new ThumbnailJob(sourceKey));
    }
}

/// <summary>Records what the queue made, so a thumbnail is made once per image whichever team uploads it.</summary>
public sealed class ThumbnailRecorder(IServiceScopeFactory scopes, ILogger<ThumbnailRecorder> logger) : IThumbnailOutcomeSink
{
    public async Task RecordAsync(ThumbnailJobOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Status != ThumbnailJobStatus.Completed)
        {
            logger.LogWarning("No thumbnails for {Key}: {Status} {Message}", outcome.Job.SourceKey, outcome.Status, outcome.Message);
            return;
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContestDbContext>();
        var existing = await db.SubmissionThumbnails.Where(t => t.SourceKey == outcome.Job.SourceKey).Select(t => t.SlotWidth).ToListAsync(cancellationToken);
        foreach (var made in outcome.Thumbnails.Where(t => !existing.Contains(t.SlotWidth)))
        {
            db.SubmissionThumbnails.Add(new SubmissionThumbnail
            {
                SourceKey = outcome.Job.SourceKey, SlotWidth = made.SlotWidth, Width = made.Width, Height = made.Height,
                ContentType = made.ContentType, StorageKey = made.File.Key, Length = made.File.Size,
            });
        }
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException exception) { logger.LogInformation(exception, "Thumbnails of {Key} were recorded by another job", outcome.Job.SourceKey); }
    }
}
