using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>How far an upload has come: the bytes the site holds, of the file's declared length.</summary>
public sealed record UploadProgress(long Offset, long Length);

/// <summary>
/// HEAD: where a member's upload stands, so a client resumes from the site's offset after a break. A receiving
/// upload's offset is its staged bytes; a complete one has them all. Cancelled or someone else's: none.
/// </summary>
public sealed class UploadStatus(ContestDbContext db, StagingArea staging)
{
    public async Task<UploadProgress?> RunAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        var upload = await db.SubmissionUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UserId == userId, cancellationToken);
        if (upload is null || upload.Status == SubmissionUploadStatus.Cancelled) return null;
        return new UploadProgress(upload.Status == SubmissionUploadStatus.Receiving ? staging.OffsetOf(id) : upload.Length, upload.Length);
    }
}
