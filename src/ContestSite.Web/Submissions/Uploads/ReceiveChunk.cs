using ContestSite.Core.Submissions;
using ContestSite.Core.Teams;
using ContestSite.Data;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// PATCH: appends one chunk at the offset the client names. The request may carry no more than the upload
/// still lacks (checked before reading, and again while reading), must arrive at a minimum rate, and may
/// carry a SHA-256 of the chunk; when the last byte is in, the file is checked and stored.
/// </summary>
public sealed class ReceiveChunk(ContestDbContext db, StagingArea staging, CompleteUpload complete,
    IOptions<SubmissionUploadOptions> options, TimeProvider clock, ILogger<ReceiveChunk> logger)
{
    public async Task<UploadOutcome> RunAsync(HttpContext http, Guid id, string userId, long? offset, byte[]? checksum, CancellationToken cancellationToken)
    {
        var upload = await db.SubmissionUploads.FirstOrDefaultAsync(u => u.Id == id && u.UserId == userId, cancellationToken);
        if (upload is null || upload.Status != SubmissionUploadStatus.Receiving)
            return UploadOutcome.Refused(StatusCodes.Status404NotFound, "上传不存在或已经结束");
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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
            _ when result.Offset == upload.Length => await complete.RunAsync(upload, cancellationToken),
            _ => new UploadOutcome(StatusCodes.Status204NoContent, upload, result.Offset),
        };
    }

    /// <summary>Raised limits only here: the body may be as large as this chunk says, and must keep coming.</summary>
    private void LimitTransport(HttpContext http, long contentLength)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = contentLength;
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = new MinDataRate(options.Value.MinBytesPerSecond, options.Value.MinDataRateGrace);
    }
}
