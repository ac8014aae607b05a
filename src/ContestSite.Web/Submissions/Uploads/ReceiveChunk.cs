using ContestSite.Core.Rules;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// PATCH: appends one chunk at the offset the client names. The request first claims the upload's writer
/// lease (one writer at a time; an upload that is complete, cancelled or being checked takes no bytes), may
/// carry no more than the upload still lacks (checked before reading, and again while reading), must arrive
/// at a minimum rate, and may carry a SHA-256 of the chunk; when the last byte is in, the file is checked and stored.
/// </summary>
public sealed class ReceiveChunk(ContestDbContext db, StagingArea staging, UploadLeases leases, CompleteUpload complete,
    IOptions<SubmissionUploadOptions> options, TimeProvider clock, ILogger<ReceiveChunk> logger)
{
    public async Task<UploadOutcome> RunAsync(HttpContext http, Guid id, string userId, long? offset, byte[]? checksum, CancellationToken cancellationToken)
    {
        var claim = await leases.ClaimAsync(id, userId, cancellationToken);
        if (claim.Refusal is { } refused) return Refusal(id, claim, refused);
        await using var lease = claim.Lease!;
        var upload = claim.Upload!;
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == upload.RoundId, cancellationToken);
        var inTime = SubmissionRules.CanFinishUpload(round, upload.StartedAt, clock.GetUtcNow(), options.Value.GracePeriod);
        if (!inTime.Allowed) return UploadOutcome.Refused(StatusCodes.Status403Forbidden, inTime);
        var current = staging.OffsetOf(id);
        if (offset != current)
            return UploadOutcome.Refused(StatusCodes.Status409Conflict, RuleResult.Refuse("上传位置不一致：服务器已收到 {0} 字节，请从这里继续", current), current);
        var length = http.Request.ContentLength;
        if (length is null)
            return UploadOutcome.Refused(StatusCodes.Status411LengthRequired, RuleResult.Refuse("请求必须注明长度（Content-Length），不接受没有长度的分块请求"), current);
        if (current + length > upload.Length)
            return UploadOutcome.Refused(StatusCodes.Status413PayloadTooLarge, RuleResult.Refuse("这一块超出了文件声明的长度（{0} 字节），未保存", upload.Length), current);

        LimitTransport(http, length.Value);
        // Writing stops when the chunk takes too long, the client goes, or this request no longer holds the lease.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        timeout.CancelAfter(options.Value.ChunkTimeout);
        ChunkResult result;
        try
        {
            result = await staging.AppendAsync(id, current, http.Request.Body, upload.Length, checksum, timeout.Token);
        }
        catch (Exception exception) when (exception is Microsoft.AspNetCore.Http.BadHttpRequestException or IOException or OperationCanceledException)
        {
            var kept = staging.OffsetOf(id);
            logger.LogInformation("Upload {Id} broke off at {Offset}: {Reason}", id, kept, exception.Message);
            return UploadOutcome.Refused(StatusCodes.Status408RequestTimeout,
                RuleResult.Refuse("上传中断（网络断开或速度过慢）：服务器已收到 {0} 字节，可从这里继续", kept), kept);
        }
        return result.Refusal switch
        {
            ChunkRefusal.ChecksumMismatch => UploadOutcome.Refused(460, RuleResult.Refuse("这一块的校验值不符，已丢弃，请重新发送这一块"), result.Offset),
            ChunkRefusal.TooLong => UploadOutcome.Refused(StatusCodes.Status413PayloadTooLarge,
                RuleResult.Refuse("这一块超出了文件声明的长度（{0} 字节），未保存", upload.Length), result.Offset),
            _ when result.Offset == upload.Length => await complete.RunAsync(upload, lease),
            _ => new UploadOutcome(StatusCodes.Status204NoContent, upload, result.Offset),
        };
    }

    private UploadOutcome Refusal(Guid id, LeaseClaim claim, LeaseRefusal refusal) => refusal switch
    {
        LeaseRefusal.Busy => UploadOutcome.Refused(StatusCodes.Status423Locked,
            RuleResult.Refuse("另一个请求正在写入这个上传，这一块未保存；请在 {0} 秒后从服务器报告的位置继续", RetrySeconds(claim.RetryAfter)),
            staging.OffsetOf(id)) with { RetryAfter = claim.RetryAfter },
        LeaseRefusal.NotReceiving => UploadOutcome.Refused(StatusCodes.Status409Conflict,
            RuleResult.Refuse("这个上传已经完成、取消或正在检查，不再接收数据，这一块未保存"),
            claim.Upload!.Status == SubmissionUploadStatus.Cancelled ? 0 : claim.Upload.Length),
        _ => UploadOutcome.Refused(StatusCodes.Status404NotFound, "上传不存在或已经结束"),
    };

    public static int RetrySeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>Raised limits only here: the body may be as large as this chunk says, and must keep coming.</summary>
    private void LimitTransport(HttpContext http, long contentLength)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = contentLength;
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = new MinDataRate(options.Value.MinBytesPerSecond, options.Value.MinDataRateGrace);
    }
}
