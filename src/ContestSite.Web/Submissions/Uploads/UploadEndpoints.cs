using System.Security.Claims;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Localization;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Submissions.Uploads;

/// <summary>The resumable upload protocol (docs/uploads.md): POST starts, HEAD tells the offset, PATCH appends, DELETE abandons.</summary>
public static class UploadEndpoints
{
    public sealed record StartRequest(int RoundId, string? Kind, string? FileName, long Length);

    public static IEndpointRouteBuilder MapSubmissionUploads(this IEndpointRouteBuilder endpoints)
    {
        var uploads = endpoints.MapGroup("/submissions/uploads").RequirePermission(SubmissionPermissions.Submit).ExcludeFromDescription();
        uploads.MapPost("", async (HttpContext http, StartUpload start, CancellationToken cancellationToken) =>
        {
            if (await AntiforgeryRefusalAsync(http) is { } refused) return refused;
            var request = await ReadStartAsync(http);
            if (request is null || !Enum.TryParse<SubmissionFileKind>(request.Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
                return Error(http, StatusCodes.Status400BadRequest, "请求格式不正确：需要轮次、文件类型、文件名和长度");
            return Answer(http, await start.RunAsync(request.RoundId, UserId(http), kind, request.FileName, request.Length, cancellationToken));
        });
        uploads.MapMethods("{id:guid}", ["HEAD"], async (HttpContext http, Guid id, ContestDbContext db, StagingArea staging) =>
        {
            var upload = await db.SubmissionUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UserId == UserId(http));
            if (upload is null || upload.Status == SubmissionUploadStatus.Cancelled) return Results.NotFound();
            http.Response.Headers["Upload-Offset"] = (upload.Status == SubmissionUploadStatus.Receiving ? staging.OffsetOf(id) : upload.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers["Upload-Length"] = upload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok();
        });
        uploads.MapPatch("{id:guid}", async (HttpContext http, Guid id, ReceiveChunk receive, CancellationToken cancellationToken) =>
        {
            if (await AntiforgeryRefusalAsync(http) is { } refused) return refused;
            if (!long.TryParse(http.Request.Headers["Upload-Offset"], out var offset) || offset < 0)
                return Error(http, StatusCodes.Status400BadRequest, "请求缺少有效的 Upload-Offset");
            if (!TryChecksum(http, out var checksum)) return Error(http, StatusCodes.Status400BadRequest, "Upload-Checksum 格式应为 “sha256 Base64值”");
            return Answer(http, await receive.RunAsync(http, id, UserId(http), offset, checksum, cancellationToken));
        });
        uploads.MapDelete("{id:guid}", async (HttpContext http, Guid id, CancelUpload cancel, IOptions<SubmissionUploadOptions> options, CancellationToken cancellationToken) =>
        {
            if (await AntiforgeryRefusalAsync(http) is { } refused) return refused;
            var status = await cancel.RunAsync(id, UserId(http), cancellationToken);
            if (status != StatusCodes.Status423Locked) return Results.StatusCode(status);
            http.Response.Headers.RetryAfter = ReceiveChunk.RetrySeconds(options.Value.WriterLease).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(http, status, "另一个请求正在写入这个上传，请稍后再取消");
        });
        return endpoints;
    }

    private static async Task<StartRequest?> ReadStartAsync(HttpContext http)
    {
        if (http.Request.ContentLength > 16 * 1024) return null;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = 16 * 1024;
        try { return await http.Request.ReadFromJsonAsync<StartRequest>(http.RequestAborted); }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or Microsoft.AspNetCore.Http.BadHttpRequestException) { return null; }
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Uploads change data with the person's cookie, so they carry the page's antiforgery token in a header.</summary>
    private static async Task<IResult?> AntiforgeryRefusalAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Error(http, StatusCodes.Status400BadRequest, "页面已过期，请刷新页面后重试");
        }
    }

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

    private static IResult Answer(HttpContext http, UploadOutcome outcome)
    {
        http.Response.Headers["Upload-Offset"] = outcome.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (outcome.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ReceiveChunk.RetrySeconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (outcome.Refusal is { } refusal) return Results.Json(new { error = Text(http).Localize(refusal), offset = outcome.Offset }, statusCode: outcome.Status);
        var upload = outcome.Upload!;
        var body = new { id = upload.Id, offset = outcome.Offset, length = upload.Length, status = upload.Status.ToString(), name = upload.FileName, sha256 = upload.StorageKey };
        if (outcome.Status == StatusCodes.Status201Created) http.Response.Headers.Location = $"/submissions/uploads/{upload.Id}";
        return outcome.Status == StatusCodes.Status204NoContent ? Results.NoContent() : Results.Json(body, statusCode: outcome.Status);
    }

    private static IResult Error(HttpContext http, int status, string message) =>
        Results.Json(new { error = Text(http)[message].Value }, statusCode: status);

    private static IStringLocalizer Text(HttpContext http) =>
        http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SubmissionPermissions));
}
