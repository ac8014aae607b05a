using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>What abandoning an upload came to.</summary>
public abstract record CancelOutcome
{
    /// <summary>The upload is cancelled (now or before) and its staged bytes are gone.</summary>
    public sealed record Cancelled : CancelOutcome;

    /// <summary>No such upload of this member, or it is already in a version.</summary>
    public sealed record NotFound : CancelOutcome;

    /// <summary>Another request writes or checks the upload now; nothing changed. Try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Locked(TimeSpan RetryAfter, RuleResult Reason) : CancelOutcome;
}

/// <summary>
/// DELETE: the member abandons an upload. Like a chunk, cancelling waits for no writer: it is refused while
/// another request holds the lease, and marks the upload Cancelled (so a late chunk is refused and
/// writes nothing) before its staged bytes are deleted; the cleanup removes the row.
/// </summary>
public sealed class CancelUpload(ContestDbContext db, StagingArea staging, IOptions<SubmissionUploadOptions> options, TimeProvider clock)
{
    public async Task<CancelOutcome> RunAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cancelled = await db.SubmissionUploads
            .Where(u => u.Id == id && u.UserId == userId && (u.Status == SubmissionUploadStatus.Receiving || u.Status == SubmissionUploadStatus.Ready)
                        && (u.LeaseOwner == null || u.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, SubmissionUploadStatus.Cancelled), cancellationToken);
        if (cancelled == 1)
        {
            staging.Delete(id);
            return new CancelOutcome.Cancelled();
        }
        var status = await db.SubmissionUploads.Where(u => u.Id == id && u.UserId == userId).Select(u => (SubmissionUploadStatus?)u.Status).FirstOrDefaultAsync(cancellationToken);
        return status switch
        {
            SubmissionUploadStatus.Receiving or SubmissionUploadStatus.Checking =>
                new CancelOutcome.Locked(options.Value.WriterLease, RuleResult.Refuse("另一个请求正在写入这个上传，请稍后再取消")),
            SubmissionUploadStatus.Cancelled => new CancelOutcome.Cancelled(),
            _ => new CancelOutcome.NotFound(),
        };
    }
}
