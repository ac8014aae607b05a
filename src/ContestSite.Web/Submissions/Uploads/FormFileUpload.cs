using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// Without JavaScript the edit form posts files in the request (within the normal request-size limit);
/// each goes through the same staging, checks and store as a resumable upload.
/// </summary>
public sealed class FormFileUpload(ContestDbContext db, StartUpload start, StagingArea staging, CompleteUpload complete)
{
    public async Task<(RuleResult Result, Guid? UploadId)> RunAsync(int roundId, string userId, SubmissionFileKind kind, IFormFile file, CancellationToken cancellationToken)
    {
        var started = await start.RunAsync(roundId, userId, kind, file.FileName, file.Length, cancellationToken);
        if (started.Refusal is { } refused) return (refused, null);
        var upload = started.Upload!;
        await using (var content = file.OpenReadStream())
        {
            var appended = await staging.AppendAsync(upload.Id, 0, content, upload.Length, null, cancellationToken);
            if (appended.Offset != upload.Length)
            {
                await ForgetAsync(upload);
                return (RuleResult.Refuse("文件没有完整上传，请重试"), null);
            }
        }
        var completed = await complete.RunAsync(upload, cancellationToken);
        return completed.Refusal is { } refusal ? (refusal, null) : (RuleResult.Ok, upload.Id);
    }

    /// <summary>Removes uploads made by a form post whose save then failed, so nothing of it is kept.</summary>
    public async Task ForgetAsync(SubmissionUpload upload)
    {
        db.SubmissionUploads.Remove(upload);
        await db.SaveChangesAsync(CancellationToken.None);
        staging.Delete(upload.Id);
    }
}
