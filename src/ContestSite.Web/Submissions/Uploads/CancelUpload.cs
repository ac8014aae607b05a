using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// DELETE: the member abandons an upload. Like a chunk, cancelling waits for no writer: it is refused while
/// another request holds the lease (423), and marks the upload Cancelled (so a late chunk is refused and
/// writes nothing) before its staged bytes are deleted; the cleanup removes the row.
/// </summary>
public sealed class CancelUpload(ContestDbContext db, StagingArea staging, TimeProvider clock)
{
    public async Task<int> RunAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cancelled = await db.SubmissionUploads
            .Where(u => u.Id == id && u.UserId == userId && (u.Status == SubmissionUploadStatus.Receiving || u.Status == SubmissionUploadStatus.Ready)
                        && (u.LeaseOwner == null || u.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, SubmissionUploadStatus.Cancelled), cancellationToken);
        if (cancelled == 1)
        {
            staging.Delete(id);
            return StatusCodes.Status204NoContent;
        }
        var status = await db.SubmissionUploads.Where(u => u.Id == id && u.UserId == userId).Select(u => (SubmissionUploadStatus?)u.Status).FirstOrDefaultAsync(cancellationToken);
        return status is SubmissionUploadStatus.Receiving or SubmissionUploadStatus.Checking ? StatusCodes.Status423Locked
            : status is SubmissionUploadStatus.Cancelled ? StatusCodes.Status204NoContent
            : StatusCodes.Status404NotFound;
    }
}
