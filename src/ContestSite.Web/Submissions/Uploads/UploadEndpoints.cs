using System.Globalization;
using System.Security.Claims;
using ContestSite.Core.Submissions;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>
/// The resumable upload protocol (docs/uploads.md): POST starts, HEAD tells the offset, PATCH appends, DELETE abandons.
/// The use cases decide; this class reads the request, sets the transport's limits and turns outcomes into HTTP.
/// </summary>
public static class UploadEndpoints
{
    public sealed record StartRequest(int RoundId, string? Kind, string? FileName, long Length);

    public static IEndpointRouteBuilder MapSubmissionUploads(this IEndpointRouteBuilder endpoints)
    {
        // Uploads change data with the person's cookie, so every request but HEAD carries the page's antiforgery token.
        var uploads = endpoints.MapGroup("/submissions/uploads").RequirePermission(SubmissionPermissions.Submit).RequireAntiforgery().ExcludeFromDescription();
        uploads.MapPost("", async (HttpContext http, StartUpload start, CancellationToken cancellationToken) =>
        {
            var request = await ReadStartAsync(http);
            if (request is null || !Enum.TryParse<SubmissionFileKind>(request.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
                return Error(http, StatusCodes.Status400BadRequest, "请求格式不正确：需要轮次、文件类型、文件名和长度");
            return Answer(http, await start.RunAsync(request.RoundId, UserId(http), kind, request.FileName, request.Length, cancellationToken));
        });
        uploads.MapMethods("{id:guid}", ["HEAD"], async (HttpContext http, Guid id, UploadStatus status, CancellationToken cancellationToken) =>
        {
            if (await status.RunAsync(id, UserId(http), cancellationToken) is not { } progress) return Results.NotFound();
            http.Response.Headers["Upload-Offset"] = progress.Offset.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["Upload-Length"] = progress.Length.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok();
        });
        uploads.MapPatch("{id:guid}", async (HttpContext http, Guid id, ReceiveChunk receive, IOptions<SubmissionUploadOptions> options, CancellationToken cancellationToken) =>
        {
            if (!long.TryParse(http.Request.Headers["Upload-Offset"], out var offset) || offset < 0)
                return Error(http, StatusCodes.Status400BadRequest, "请求缺少有效的 Upload-Offset");
            if (!TryChecksum(http, out var checksum)) return Error(http, StatusCodes.Status400BadRequest, "Upload-Checksum 格式应为 “sha256 Base64值”");
            var length = http.Request.ContentLength;
            if (length is { } declared) LimitChunkBody(http, declared, options.Value);
            return Answer(http, await receive.RunAsync(id, UserId(http), offset, length, http.Request.Body, checksum, cancellationToken));
        });
        uploads.MapDelete("{id:guid}", async (HttpContext http, Guid id, CancelUpload cancel, CancellationToken cancellationToken) =>
            await cancel.RunAsync(id, UserId(http), cancellationToken) switch
            {
                CancelOutcome.Cancelled => Results.StatusCode(StatusCodes.Status204NoContent),
                CancelOutcome.Locked locked => Locked(http, locked.RetryAfter, Results.Json(new { error = Text(http).Localize(locked.Reason) }, statusCode: StatusCodes.Status423Locked)),
                _ => Results.StatusCode(StatusCodes.Status404NotFound),
            });
        return endpoints;
    }

    /// <summary>
    /// Raised limits only for a chunk: the body may be as large as it declares (other endpoints keep Kestrel's
    /// default), and must keep coming at the configured rate. Set before anything reads the body.
    /// </summary>
    private static void LimitChunkBody(HttpContext http, long declaredLength, SubmissionUploadOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = declaredLength;
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = new MinDataRate(options.MinBytesPerSecond, options.MinDataRateGrace);
    }

    /// <summary>The one place where an upload's outcome becomes a status, headers and a body.</summary>
    private static IResult Answer(HttpContext http, UploadOutcome outcome)
    {
        http.Response.Headers["Upload-Offset"] = outcome.Offset.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        switch (outcome)
        {
            case UploadOutcome.Started { Upload: var started }:
                http.Response.Headers.Location = $"/submissions/uploads/{started.Id}";
                return Results.Json(Body(started, outcome.Offset), statusCode: StatusCodes.Status201Created);
            case UploadOutcome.Accepted:
                return Results.NoContent();
            case UploadOutcome.Ready { Upload: var ready }:
                return Results.Json(Body(ready, outcome.Offset), statusCode: StatusCodes.Status200OK);
            case UploadOutcome.Refused refused:
                var refusal = Results.Json(new { error = Text(http).Localize(refused.Reason), offset = outcome.Offset }, statusCode: StatusOf(refused));
                return refused is UploadOutcome.Locked locked ? Locked(http, locked.RetryAfter, refusal) : refusal;
            default:
                throw new InvalidOperationException($"No answer for {outcome.GetType().Name}");
        }
    }

    private static int StatusOf(UploadOutcome.Refused refused) => refused switch
    {
        UploadOutcome.NotFound => StatusCodes.Status404NotFound,
        UploadOutcome.NotAllowed => StatusCodes.Status403Forbidden,
        UploadOutcome.EmptyFile => StatusCodes.Status400BadRequest,
        UploadOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        UploadOutcome.Locked => StatusCodes.Status423Locked,
        UploadOutcome.NotReceiving or UploadOutcome.OffsetMismatch => StatusCodes.Status409Conflict,
        UploadOutcome.LengthMissing => StatusCodes.Status411LengthRequired,
        // A chunk that does not match its own checksum is a bad request: send it again (the offset says from where).
        UploadOutcome.ChecksumMismatch => StatusCodes.Status400BadRequest,
        UploadOutcome.BrokeOff => StatusCodes.Status408RequestTimeout,
        UploadOutcome.Rejected => StatusCodes.Status422UnprocessableEntity,
        _ => throw new InvalidOperationException($"No status for {refused.GetType().Name}"),
    };

    private static object Body(SubmissionUpload upload, long offset) =>
        new { id = upload.Id, offset, length = upload.Length, status = upload.Status.ToString(), name = upload.FileName, sha256 = upload.StorageKey };

    /// <summary>Another request holds the upload: say when to try again.</summary>
    private static IResult Locked(HttpContext http, TimeSpan retryAfter, IResult refusal)
    {
        http.Response.Headers.RetryAfter = UploadLeases.RetrySeconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return refusal;
    }

    private static async Task<StartRequest?> ReadStartAsync(HttpContext http)
    {
        if (http.Request.ContentLength > 16 * 1024) return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = 16 * 1024;
        try { return await http.Request.ReadFromJsonAsync<StartRequest>(http.RequestAborted); }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or Microsoft.AspNetCore.Http.BadHttpRequestException) { return null; }
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static bool TryChecksum(HttpContext http, out byte[]? checksum)
    {
        checksum = null;
        var header = http.Request.Headers["Upload-Checksum"].ToString();
        if (header.Length == 0) return true;
        var parts = header.Split(' ', 2);
        if (parts.Length != 2 || !parts[0].Equals("sha256", StringComparison.OrdinalIgnoreCase)) return false;
        try { checksum = Convert.FromBase64String(parts[1]); } catch (FormatException) { return false; }
        return checksum.Length == 32;
    }

    private static IResult Error(HttpContext http, int status, string message) =>
        Results.Json(new { error = Text(http)[message].Value }, statusCode: status);

    private static IStringLocalizer Text(HttpContext http) =>
        http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SubmissionPermissions));
}
