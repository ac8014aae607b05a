using System.IO.Compression;
using System.Security.Claims;
using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Files;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Submissions;

/// <summary>
/// Files of entries, to the owning team's members and organizers: always as attachments with the stored
/// type (the site's nosniff header applies); only re-encoded thumbnails are shown inline. Staff reading a team's
/// file or exporting entries is audited, as a judge opening one is; the team reading its own files is not.
/// </summary>
public static class SubmissionFileEndpoints
{
    public static IEndpointRouteBuilder MapSubmissionFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/submissions/files/{fileId:int}", async (int fileId, HttpContext http, ContestDbContext db, StoredFileDownloads downloads,
            IAuthorizationService authorization, IAuditLog audit) =>
        {
            var visible = await VisibleFileAsync(fileId, http, db, authorization);
            if (visible is null) return Results.NotFound();
            var file = visible.File;
            if (!visible.OwnTeam)
                await audit.AppendAsync(new AuditEvent("submission.file-opened", $"submission:{visible.SubmissionId}/file:{fileId}", "ok", file.FileName) { TeamId = visible.TeamId },
                    http.RequestAborted);
            http.Response.Headers.CacheControl = "private, no-store";
            return await downloads.FileAsync(file.StorageKey, file.ContentType, FileKinds.DownloadName(file), $"submission file {fileId}", http.RequestAborted);
        }).RequireAuthorization().ExcludeFromDescription();

        endpoints.MapGet("/submissions/files/{fileId:int}/thumbnails/{width:int}", async (int fileId, int width, HttpContext http, ContestDbContext db,
            StoredFileDownloads downloads, IAuthorizationService authorization, SubmissionThumbnails thumbnails) =>
        {
            var file = (await VisibleFileAsync(fileId, http, db, authorization))?.File;
            if (file is null || file.Kind != SubmissionFileKind.Screenshot) return Results.NotFound();
            var thumbnail = await thumbnails.FindAsync(file.StorageKey, width);
            if (thumbnail is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, max-age=86400";
            return await downloads.FileAsync(thumbnail.StorageKey, thumbnail.ContentType, null, $"thumbnail of submission file {fileId}", http.RequestAborted);
        }).RequireAuthorization().ExcludeFromDescription();

        endpoints.MapGet("/admin/submissions/export", ExportAsync).RequirePermission(SubmissionPermissions.Review).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<bool> MayReviewAsync(ClaimsPrincipal user, IAuthorizationService authorization) =>
        (await authorization.AuthorizeAsync(user, PermissionPolicies.Prefix + SubmissionPermissions.Review)).Succeeded;

    private sealed record VisibleFile(SubmissionFile File, int SubmissionId, int TeamId, bool OwnTeam);

    /// <summary>Null unless the person is in the team that owns the file, or reviews entries: another team's id answers 404.</summary>
    private static async Task<VisibleFile?> VisibleFileAsync(int fileId, HttpContext http, ContestDbContext db, IAuthorizationService authorization)
    {
        var found = await db.SubmissionFiles.AsNoTracking().Where(f => f.Id == fileId)
            .Join(db.SubmissionVersions, f => f.VersionId, v => v.Id, (f, v) => new { File = f, v.SubmissionId })
            .Join(db.Submissions, x => x.SubmissionId, s => s.Id, (x, s) => new { x.File, x.SubmissionId, s.TeamId })
            .FirstOrDefaultAsync();
        if (found is null) return null;
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await db.TeamMembers.AnyAsync(m => m.TeamId == found.TeamId && m.UserId == userId)) return new VisibleFile(found.File, found.SubmissionId, found.TeamId, OwnTeam: true);
        return await MayReviewAsync(http.User, authorization) ? new VisibleFile(found.File, found.SubmissionId, found.TeamId, OwnTeam: false) : null;
    }

    /// <summary>Every entry of a round's track, newest versions, as one zip written straight to the response.</summary>
    private static async Task ExportAsync(int roundId, int trackId, HttpContext http, ContestDbContext db, IFileStore store, StoredFileAlarm alarm, IAuditLog audit)
    {
        var entries = await db.Submissions.AsNoTracking().Where(s => s.RoundId == roundId && s.TrackId == trackId && s.CurrentVersionNumber > 0)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { s.Id, s.CurrentVersionNumber, TeamName = t.Name })
            .OrderBy(x => x.Id).ToListAsync(http.RequestAborted);
        await audit.AppendAsync(new AuditEvent("submission.entries-exported", $"round:{roundId}/track:{trackId}", "ok", $"{entries.Count} entries"), http.RequestAborted);
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = $"submissions-round{roundId}-track{trackId}.zip" }.ToString();
        // ZipArchive writes synchronously; allowed for this response only, whose bytes go straight to the client.
        http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        using var zip = new ZipArchive(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in entries)
        {
            var version = await db.VersionAsync(entry.Id, entry.CurrentVersionNumber, http.RequestAborted);
            var folder = $"{entry.Id:D4}-{FileNames.Clean(entry.TeamName, 60)}";
            foreach (var file in version!.Files)
            {
                // A file whose bytes no longer match its hash is left out of the export, and raises the alarm.
                var read = await store.OpenVerifiedAsync(file.StorageKey, http.RequestAborted);
                if (read.Tampered) await alarm.RaiseAsync(file.StorageKey, $"submission file {file.Id} (export)", http.RequestAborted);
                if (read.Content is null) continue;
                await using var source = read.Content;
                var zipEntry = zip.CreateEntry($"{folder}/{FileKinds.DisplayName(file.Kind)}-{file.SortOrder + 1}-{FileKinds.DownloadName(file)}", CompressionLevel.NoCompression);
                await using var target = zipEntry.Open();
                await source.CopyToAsync(target, http.RequestAborted);
            }
        }
    }
}
