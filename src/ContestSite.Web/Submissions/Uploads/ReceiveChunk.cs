using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Seasons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// PATCH: appends one chunk at the offset the client names. The request first claims the upload's writer
/// lease (one writer at a time; an upload that is complete, cancelled or being checked takes no bytes), may
/// carry no more than the upload still lacks (checked before reading, and again while reading), and may carry
/// a SHA-256 of the chunk; when the last byte is in, the file is checked and stored. How fast the body must
/// come is the transport's business (the endpoint sets it); a body that stops or is cut off ends the chunk.
/// </summary>
public sealed class ReceiveChunk(ContestDbContext db, StagingArea staging, UploadLeases leases, CompleteUpload complete,
    IOptions<SubmissionUploadOptions> options, TimeProvider clock, ILogger<ReceiveChunk> logger)
{
    /// <param name="declaredLength">the chunk's length as its sender declared it (null: not declared)</param>
    /// <param name="chunkSha256">the SHA-256 the chunk must have, when the sender gave one</param>
    public async Task<UploadOutcome> RunAsync(Guid id, string userId, long offset, long? declaredLength, Stream body, byte[]? chunkSha256,
        CancellationToken cancellationToken)
    {
        var claim = await leases.ClaimAsync(id, userId, cancellationToken);
        if (claim.Refusal is { } refused) return Refusal(id, claim, refused);
        await using var lease = claim.Lease!;
        var upload = claim.Upload!;
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == upload.RoundId, cancellationToken);
        // Asked at every chunk: an advancement withdrawn while the file travels stops it.
        var mayEnter = await db.MayEnterAsync(round, upload.TeamId, cancellationToken);
        var inTime = SubmissionRules.CanFinishUpload(round, mayEnter, upload.StartedAt, clock.GetUtcNow(), options.Value.GracePeriod);
        if (!inTime.Allowed) return new UploadOutcome.NotAllowed(inTime);
        var current = staging.OffsetOf(id);
        if (offset != current)
            return new UploadOutcome.OffsetMismatch(current, RuleResult.Refuse("上传位置不一致：服务器已收到 {0} 字节，请从这里继续", current));
        if (declaredLength is not { } length)
            return new UploadOutcome.LengthMissing(current, RuleResult.Refuse("请求必须注明长度（Content-Length），不接受没有长度的分块请求"));
        if (current + length > upload.Length)
            return new UploadOutcome.TooLarge(current, TooLong(upload));

        // Writing stops when the chunk takes too long, the client goes, or this request no longer holds the lease.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        timeout.CancelAfter(options.Value.ChunkTimeout);
        ChunkResult result;
        try
        {
            result = await staging.AppendAsync(id, current, body, upload.Length, chunkSha256, timeout.Token);
        }
        // A body cut off or too slow surfaces as an IOException (the server's bad-request exception is one).
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            var kept = staging.OffsetOf(id);
            logger.LogInformation("Upload {Id} broke off at {Offset}: {Reason}", id, kept, exception.Message);
            return new UploadOutcome.BrokeOff(kept, RuleResult.Refuse("上传中断（网络断开或速度过慢）：服务器已收到 {0} 字节，可从这里继续", kept));
        }
        return result.Refusal switch
        {
            ChunkRefusal.ChecksumMismatch => new UploadOutcome.ChecksumMismatch(result.Offset, RuleResult.Refuse("这一块的校验值不符，已丢弃，请重新发送这一块")),
            ChunkRefusal.TooLong => new UploadOutcome.TooLarge(result.Offset, TooLong(upload)),
            _ when result.Offset == upload.Length => await complete.RunAsync(upload, lease),
            _ => new UploadOutcome.Accepted(result.Offset),
        };
    }

    private static RuleResult TooLong(SubmissionUpload upload) => RuleResult.Refuse("这一块超出了文件声明的长度（{0} 字节），未保存", upload.Length);

    private UploadOutcome Refusal(Guid id, LeaseClaim claim, LeaseRefusal refusal) => refusal switch
    {
        LeaseRefusal.Busy => new UploadOutcome.Locked(staging.OffsetOf(id), claim.RetryAfter,
            RuleResult.Refuse("另一个请求正在写入这个上传，这一块未保存；请在 {0} 秒后从服务器报告的位置继续", UploadLeases.RetrySeconds(claim.RetryAfter))),
        LeaseRefusal.NotReceiving => new UploadOutcome.NotReceiving(claim.Upload!.Status == SubmissionUploadStatus.Cancelled ? 0 : claim.Upload.Length,
            RuleResult.Refuse("这个上传已经完成、取消或正在检查，不再接收数据，这一块未保存")),
        _ => new UploadOutcome.NotFound(RuleResult.Refuse("上传不存在或已经结束")),
    };
}
