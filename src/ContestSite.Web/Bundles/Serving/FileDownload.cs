using ContestSite.Core.Bundles;
using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Localization;
using ContestSite.Web.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Bundles.Serving;

/// <summary>
/// One catalogue file, decided by <see cref="DataAccessPolicy"/> for the signed-in person on every request:
/// open files to anyone signed in, restricted files only to members of a team with a valid approval for that
/// dataset, prohibited files to nobody. Files of datasets with sensitive fields are masked as they are served.
/// </summary>
[ExtensionPoint]
public sealed class FileDownload(ContestDbContext db, DataAccess access, MaskingPlans plans, ResourceWriter writer, RiskMonitor risk,
    IFileStore files, StoredFileAlarm alarm, IAuditLog audit, TimeProvider clock, IStringLocalizerFactory localizers)
{
    private readonly IStringLocalizer text = localizers.Create(typeof(FileDownload));

    public async Task<IResult> ServeAsync(HttpContext http, Guid id, int resourceId, CancellationToken cancellationToken)
    {
        var found = await db.DatasetResources.AsNoTracking()
            .Where(r => r.Id == resourceId && r.DatasetId == id)
            .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new { Resource = r, d.OpenType, d.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Status != DatasetStatus.Published) return Results.NotFound();
        var subject = $"dataset:{id}/file:{resourceId}";
        var who = await access.WhoAsync(http.User, cancellationToken);
        var applications = await access.ApplicationsAsync(who.Team?.Id, id, cancellationToken);
        var stops = await access.StopsAsync(cancellationToken);
        var decision = DataAccessPolicy.CanDownload(found.OpenType, id, who.Downloader, DownloadRoute.SingleFile, applications, clock.GetUtcNow(), stops);
        if (found.OpenType != OpenType.Prohibited && stops.Covers(id, found.OpenType))
        {
            // 423 Locked with the reason in words: the data exists and the asker may be entitled, but nobody gets it now.
            // Not counted as probing: a team that had access is refused through no fault of its own.
            await AuditAsync(subject, "refused", $"{found.OpenType}: {text.Localize(decision)}", who, id, cancellationToken);
            http.Response.Headers[HeaderNames.CacheControl] = "no-store";
            return Results.Text(text.Localize(decision), "text/plain; charset=utf-8", statusCode: StatusCodes.Status423Locked);
        }
        if (!decision.Allowed)
        {
            await AuditAsync(subject, "refused", $"{found.OpenType}: {text.Localize(decision)}", who, id, cancellationToken);
            // Probing for data one may not have counts towards the risk warning (signed-in people; others are only sent to sign in).
            if (who.UserId is not null && found.OpenType is OpenType.Restricted or OpenType.Prohibited)
                await risk.RecordRefusalAsync(who.UserId, who.Team?.Id, id, CancellationToken.None);
            return found.OpenType == OpenType.Prohibited ? Results.NotFound() : Results.Redirect($"/datasets/{id}");
        }
        var fields = await db.DatasetFields.AsNoTracking().Where(f => f.DatasetId == id).ToListAsync(cancellationToken);
        var masking = await plans.ForAsync(id, fields, cancellationToken);
        if (!masking.CanServe)
        {
            await AuditAsync(subject, "refused", "masking rules invalid: " + string.Join("; ", masking.Errors), who, id, cancellationToken);
            return Results.Redirect($"/datasets/{id}");
        }

        if (masking.Plan is null) return await ServeAsStoredAsync(http, found.Resource, who, id, subject, cancellationToken);

        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "application/octet-stream";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        http.Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileNameStar = found.Resource.FileName, FileName = found.Resource.FileName }.ToString();
        await using var sink = new HashingWriteStream(_ => Task.FromResult(http.Response.Body), ownsTarget: false);
        var served = await writer.WriteAsync(found.Resource, masking.Plan, sink, cancellationToken);
        if (!served.Served)
        {
            if (served.Tampered) await alarm.RaiseAsync(found.Resource.StorageKey, $"dataset {id} file {found.Resource.Id}", CancellationToken.None);
            await AuditAsync(subject, "refused", served.Problem, who, id, CancellationToken.None);
            if (http.Response.HasStarted) { http.Abort(); return Results.Empty; }
            http.Response.Headers.Remove(HeaderNames.ContentDisposition);
            return Results.Text(text["文件无法提供：{0}", served.Problem ?? ""].Value, "text/plain; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        // Sent: its record, count and risk are written even if the client has gone, in one transaction.
        await db.InTransactionAsync(async () =>
        {
            await db.Datasets.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DownloadCount, d => d.DownloadCount + 1), CancellationToken.None);
            await AuditAsync(subject, "ok", $"{found.Resource.FileName}; sha256 {sink.Sha256()}; masked", who, id, CancellationToken.None);
            await risk.RecordAsync(who.UserId!, who.Team?.Id, id, sink.BytesWritten, CancellationToken.None);
        }, CancellationToken.None);
        return Results.Empty;
    }

    private async Task<IResult> ServeAsStoredAsync(HttpContext http, DatasetResource resource, Requester who, Guid id, string subject, CancellationToken cancellationToken)
    {
        var read = await files.OpenVerifiedAsync(resource.StorageKey, cancellationToken);
        if (read.Tampered) await alarm.RaiseAsync(resource.StorageKey, $"dataset {id} file", cancellationToken);
        if (read.Content is null) return read.Tampered ? Results.StatusCode(StatusCodes.Status409Conflict) : Results.NotFound();
        var length = read.Content.Length;
        var range = DownloadRange.Of(http.Request, length);
        if (range.SendsNothing)
        {
            // Answered 416 below: nothing leaves the server, so it is neither a download nor a risk.
            await AuditAsync(subject, "not-sent", $"{resource.FileName}; range not satisfiable: {http.Request.Headers.Range}", who, id, cancellationToken);
        }
        else
        {
            await db.InTransactionAsync(async () =>
            {
                if (range.Offset == 0)
                    await db.Datasets.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DownloadCount, d => d.DownloadCount + 1), cancellationToken);
                await AuditAsync(subject, range.Partial ? "partial" : "ok", range.Partial ? $"{resource.FileName}; {range.Describe(length)}" : resource.FileName,
                    who, id, cancellationToken);
                await risk.RecordAsync(who.UserId!, who.Team?.Id, id, range.Length, cancellationToken);
            }, cancellationToken);
        }
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return Results.File(read.Content, "application/octet-stream", resource.FileName, enableRangeProcessing: true);
    }

    private Task AuditAsync(string subject, string outcome, string? detail, Requester who, Guid datasetId, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent("catalog.download", subject, outcome, detail) { TeamId = who.Team?.Id, DatasetId = datasetId }, cancellationToken);
}
