using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// Without JavaScript the edit form posts files in the request (within the normal request-size limit);
/// each goes through the same lease, staging, checks and store as a resumable upload.
/// </summary>
public sealed class FormFileUpload(ContestDbContext db, StartUpload start, UploadLeases leases, StagingArea staging, CompleteUpload complete)
{
    public async Task<(RuleResult Result, Guid? UploadId)> RunAsync(int roundId, string userId, SubmissionFileKind kind, IFormFile file, CancellationToken cancellationToken)
    {
        var started = await start.RunAsync(roundId, userId, kind, file.FileName, file.Length, cancellationToken);
        if (started.Refusal is { } refused) return (refused, null);
        var upload = ((UploadOutcome.Started)started).Upload;
        var claim = await leases.ClaimAsync(upload.Id, userId, cancellationToken);
        if (claim.Lease is null) return (RuleResult.Refuse("文件没有完整上传，请重试"), null);
        await using var lease = claim.Lease;
        await using (var content = file.OpenReadStream())
        {
            using var writing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            var appended = await staging.AppendAsync(upload.Id, 0, content, upload.Length, null, writing.Token);
            if (appended.Offset != upload.Length)
            {
                await ForgetAsync(upload);
                return (RuleResult.Refuse("文件没有完整上传，请重试"), null);
            }
        }
        var completed = await complete.RunAsync(upload, lease);
        return completed.Refusal is { } refusal ? (refusal, null) : (RuleResult.Ok, upload.Id);
    }

    /// <summary>Removes uploads made by a form post whose save then failed, so nothing of it is kept.</summary>
    public async Task ForgetAsync(SubmissionUpload upload)
    {
        await db.SubmissionUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(CancellationToken.None);
        if (db.Entry(upload).State != EntityState.Detached) db.Entry(upload).State = EntityState.Detached;
        staging.Delete(upload.Id);
    }
}
