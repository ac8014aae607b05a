using ContestSite.Web.Storage;

namespace ContestSite.Web.Files;

/// <summary>Make the thumbnails of an uploaded image, known by its storage key.</summary>
public sealed record ThumbnailJob(string SourceKey);

public enum ThumbnailJobStatus
{
    Completed,
    Refused,
    TimedOut,
    Failed,
}

public sealed record StoredThumbnail(int SlotWidth, int Width, int Height, string ContentType, StoredFile File);

public sealed record ThumbnailJobOutcome(ThumbnailJob Job, ThumbnailJobStatus Status, IReadOnlyList<StoredThumbnail> Thumbnails, string? Message);

/// <summary>Does one job; the queue bounds its time.</summary>
public interface IThumbnailJobHandler
{
    Task<ThumbnailJobOutcome> HandleAsync(ThumbnailJob job, CancellationToken cancellationToken);
}

/// <summary>
/// Where outcomes go (the submissions feature records them in the database). The queue lives in memory,
/// so the database, not the queue, must remember which images still lack thumbnails.
/// </summary>
public interface IThumbnailOutcomeSink
{
    Task RecordAsync(ThumbnailJobOutcome outcome, CancellationToken cancellationToken);
}

/// <summary>Reads the image from the file store, makes the thumbnails and stores each by content hash.</summary>
public sealed class StoredImageThumbnailHandler(IFileStore store, ThumbnailMaker maker) : IThumbnailJobHandler
{
    private const long MaxThumbnailBytes = 16 * ByteSizeText.Megabyte;

    public async Task<ThumbnailJobOutcome> HandleAsync(ThumbnailJob job, CancellationToken cancellationToken)
    {
        var read = await store.OpenVerifiedAsync(job.SourceKey, cancellationToken);
        if (read.Content is null) return new ThumbnailJobOutcome(job, ThumbnailJobStatus.Failed, [], read.Tampered ? "原图校验失败" : "原图不存在");
        ThumbnailResult result;
        await using (var source = read.Content)
        {
            result = await maker.MakeAsync(source, cancellationToken);
        }
        if (!result.Succeeded) return new ThumbnailJobOutcome(job, ThumbnailJobStatus.Refused, [], result.Refusal);
        var stored = new List<StoredThumbnail>();
        foreach (var thumbnail in result.Thumbnails)
        {
            using var content = new MemoryStream(thumbnail.Content, writable: false);
            var file = await store.SaveAsync(content, MaxThumbnailBytes, cancellationToken);
            stored.Add(new StoredThumbnail(thumbnail.SlotWidth, thumbnail.Width, thumbnail.Height, thumbnail.ContentType, file));
        }
        return new ThumbnailJobOutcome(job, ThumbnailJobStatus.Completed, stored, null);
    }
}
