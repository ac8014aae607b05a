using System.Security.Claims;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Exports;
using ContestSite.Web.Files;
using ContestSite.Web.Judging.UseCases;
using ContestSite.Web.Seasons;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using ContestSite.Web.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Judging;

/// <summary>The judging routes that answer with files: entry files for judges, exports for organizers.</summary>
public static class JudgingEndpoints
{
    /// <summary>
    /// A file of an entry, to the judge it is assigned to (and not conflicted): always as an attachment with
    /// nosniff, so an uploaded page or script never runs in the site's origin.
    /// </summary>
    public static IEndpointRouteBuilder MapJudgeFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/judging/entries/{submissionId:int}/files/{fileId:int}", async (int submissionId, int fileId, HttpContext http,
                JudgeAccess access, StoredFileDownloads downloads, IAuditLog audit, CancellationToken cancellationToken) =>
            {
                var judgeId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
                var entry = await access.FindAsync(judgeId, submissionId, cancellationToken);
                if (entry is null) return Results.NotFound();
                var version = await access.CurrentVersionAsync(entry.Submission, cancellationToken);
                var file = version?.Files.FirstOrDefault(f => f.Id == fileId);
                if (file is null) return Results.NotFound();
                await audit.AppendAsync(new AuditEvent("judging.file-opened", $"submission:{submissionId}/file:{fileId}", "ok", file.FileName) { TeamId = entry.Submission.TeamId }, cancellationToken);
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return await downloads.FileAsync(file.StorageKey, "application/octet-stream", FileKinds.DownloadName(file), $"submission file {fileId} (judging)", cancellationToken);
            })
            .RequirePermission(JudgingPermissions.Review)
            .ExcludeFromDescription();

        // Screenshots are shown inline only as the re-encoded thumbnails, under the same assignment check.
        endpoints.MapGet("/judging/entries/{submissionId:int}/files/{fileId:int}/thumbnails/{width:int}", async (int submissionId, int fileId, int width,
                HttpContext http, JudgeAccess access, StoredFileDownloads downloads, SubmissionThumbnails thumbnails, CancellationToken cancellationToken) =>
            {
                var judgeId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
                var entry = await access.FindAsync(judgeId, submissionId, cancellationToken);
                if (entry is null) return Results.NotFound();
                var version = await access.CurrentVersionAsync(entry.Submission, cancellationToken);
                var file = version?.Files.FirstOrDefault(f => f.Id == fileId && f.Kind == SubmissionFileKind.Screenshot);
                if (file is null) return Results.NotFound();
                var thumbnail = await thumbnails.FindAsync(file.StorageKey, width, cancellationToken);
                if (thumbnail is null) return Results.NotFound();
                http.Response.Headers[HeaderNames.CacheControl] = "private, max-age=3600";
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return await downloads.FileAsync(thumbnail.StorageKey, thumbnail.ContentType, null, $"thumbnail of submission file {fileId} (judging)", cancellationToken);
            })
            .RequirePermission(JudgingPermissions.Review)
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// An objection's attachment: to organizers and to members of the team that raised it, as an attachment with
    /// nosniff (it was checked to be a PDF or an image, and is still never shown in the site's origin).
    /// </summary>
    public static IEndpointRouteBuilder MapObjectionFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/results/objections/{objectionId:int}/attachment", async (int objectionId, HttpContext http, ContestDbContext db,
                IAuthorizationService authorization, StoredFileDownloads downloads, IAuditLog audit, CancellationToken cancellationToken) =>
            {
                var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
                var objection = await db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectionId, cancellationToken);
                if (objection?.AttachmentStorageKey is null) return Results.NotFound();
                var member = await db.TeamMembers.AnyAsync(m => m.TeamId == objection.TeamId && m.UserId == userId, cancellationToken);
                if (!member && !(await authorization.AuthorizeAsync(http.User, PermissionPolicies.Prefix + JudgingPermissions.Manage)).Succeeded)
                    return Results.NotFound();
                await audit.AppendAsync(new AuditEvent("judging.objection-file-opened", $"submission:{objection.SubmissionId}", "ok", $"objection={objectionId}") { TeamId = objection.TeamId }, cancellationToken);
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return await downloads.FileAsync(objection.AttachmentStorageKey, "application/octet-stream", objection.AttachmentFileName, $"objection {objectionId} attachment", cancellationToken);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }

    public static IEndpointRouteBuilder MapJudgingExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/judging/rounds/{roundId:int}/export/{kind}.{format}", async (int roundId, string kind, string format,
                CurrentContest current, RoundResults results, ScoreExport export, AssignmentCsv assignments, CancellationToken cancellationToken) =>
            {
                var contest = await current.FindAsync(cancellationToken);
                var round = contest?.Rounds.FirstOrDefault(r => r.Id == roundId);
                if (round is null || !TabularExport.TryParseFormat(format, out var exportFormat)) return Results.NotFound();
                var name = $"round-{roundId}-{kind}";
                if (kind == "assignments")
                    return exportFormat == ExportFormat.Csv ? TabularExport.Result(await assignments.ExportAsync(round, cancellationToken), exportFormat, name) : Results.NotFound();
                var report = await results.ReportAsync(round, cancellationToken);
                var table = kind switch
                {
                    "scores" => await export.ScoresAsync(report, cancellationToken),
                    "ranking" => export.Ranking(report, contest!.Tracks.ToDictionary(t => t.Id, t => t.Name)),
                    _ => null,
                };
                return table is null ? Results.NotFound() : TabularExport.Result(table, exportFormat, name);
            })
            .RequirePermission(JudgingPermissions.Manage)
            .ExcludeFromDescription();
        return endpoints;
    }
}
