using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Storage;
using ContestSite.Web.Submissions.Files;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// The last byte is in: check the staged file by its content, rename it into the store by its hash, and only
/// then mark the upload ready in the database. A refused file is deleted with its upload; nothing is kept.
/// </summary>
public sealed class CompleteUpload(ContestDbContext db, StagingArea staging, SubmissionFileChecker checker, IFileStore store,
    SubmissionThumbnails thumbnails, TimeProvider clock)
{
    public async Task<UploadOutcome> RunAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        var sha = await staging.Sha256Async(upload.Id, upload.Length, cancellationToken);
        FileCheck check;
        await using (var content = new FileStream(staging.PathOf(upload.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous))
        {
            check = await checker.CheckAsync(upload.Kind, content, cancellationToken);
        }
        if (!check.IsAccepted)
        {
            staging.Delete(upload.Id);
            db.SubmissionUploads.Remove(upload);
            await db.SaveChangesAsync(CancellationToken.None);
            return UploadOutcome.Refused(StatusCodes.Status422UnprocessableEntity, check.Reason!);
        }
        await store.MoveInAsync(staging.PathOf(upload.Id), sha, cancellationToken);
        upload.Status = SubmissionUploadStatus.Ready;
        upload.StorageKey = sha;
        upload.ContentType = check.ContentType;
        upload.CompletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        if (upload.Kind == SubmissionFileKind.Screenshot) await thumbnails.RequestAsync(sha, cancellationToken);
        return new UploadOutcome(StatusCodes.Status200OK, upload, upload.Length);
    }
}
