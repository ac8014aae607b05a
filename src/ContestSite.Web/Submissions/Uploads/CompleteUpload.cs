using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Files;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// The last byte is in: under the writer's lease the upload turns Checking (no chunk is taken from then on),
/// the staged file is renamed into the store's private pending place, checked by its content, and renamed
/// into the store by its hash (computed while receiving); only then is the upload marked ready. A refused
/// file is deleted with its upload; nothing is kept. Once the last byte is in, completion runs to its end even
/// if the client goes away meanwhile (the checks are bounded), so an upload is never left half-checked.
/// </summary>
public sealed class CompleteUpload(ContestDbContext db, StagingArea staging, UploadLeases leases, FileChecker checker, IFileStore store,
    SubmissionThumbnails thumbnails, TimeProvider clock)
{
    public async Task<UploadOutcome> RunAsync(SubmissionUpload upload, UploadLease lease)
    {
        var checking = await db.SubmissionUploads
            .Where(u => u.Id == upload.Id && u.LeaseOwner == lease.Owner && u.Status == SubmissionUploadStatus.Receiving)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Status, SubmissionUploadStatus.Checking), CancellationToken.None);
        if (checking == 0)
            return new UploadOutcome.NotReceiving(upload.Length, RuleResult.Refuse("这个上传已经完成、取消或正在检查，不再接收数据，这一块未保存"));

        var sha = await staging.Sha256Async(upload.Id, upload.Length, CancellationToken.None);
        await using var pending = await store.StageAsync(staging.PathOf(upload.Id), sha, CancellationToken.None);
        FileCheck check;
        await using (var content = pending.OpenRead())
        {
            check = await checker.CheckAsync(upload.Kind, content, CancellationToken.None);
        }
        if (!check.IsAccepted)
        {
            await db.SubmissionUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(CancellationToken.None);
            staging.Delete(upload.Id);
            return new UploadOutcome.Rejected(check.Reason!);
        }
        await pending.CommitAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        var freed = await db.SubmissionUploads.Where(u => u.Id == upload.Id && u.LeaseOwner == lease.Owner && u.Status == SubmissionUploadStatus.Checking)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.Status, SubmissionUploadStatus.Ready).SetProperty(u => u.StorageKey, sha)
                .SetProperty(u => u.ContentType, check.ContentType).SetProperty(u => u.CompletedAt, now)
                .SetProperty(u => u.LeaseOwner, (string?)null).SetProperty(u => u.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        if (freed == 1) lease.FreedByCompletion();
        var ready = await leases.CurrentAsync(upload.Id, upload.UserId, CancellationToken.None) ?? upload;
        if (upload.Kind == SubmissionFileKind.Screenshot) await thumbnails.RequestAsync(sha, CancellationToken.None);
        return new UploadOutcome.Ready(ready);
    }
}
