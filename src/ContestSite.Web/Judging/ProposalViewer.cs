using ContestSite.Core.Submissions;
using ContestSite.Web.Audit;
using ContestSite.Web.Files;
using ContestSite.Web.Storage;
using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Judging;

/// <summary>
/// The proposal PDF opened in the browser, for an entry's judges and organizers. Inline only when the stored type is
/// PDF and the bytes served start as a PDF (checked again here, not taken from the upload's record), and then in a
/// sandbox (<c>Content-Security-Policy: sandbox</c>: no script, no origin) with nosniff, so the browser can only hand it
/// to its PDF viewer. Anything else, an HTML page renamed .pdf included, comes as an attachment like every other file.
/// </summary>
public static class ProposalViewer
{
    public const string SandboxPolicy = "sandbox; frame-ancestors 'none'";

    public static string Url(int submissionId, int fileId) => $"/judging/entries/{submissionId}/files/{fileId}/view";

    /// <summary>Whether the page offers to open the file in the browser (the endpoint checks the bytes again).</summary>
    public static bool Offers(SubmissionFile file) =>
        file.Kind == SubmissionFileKind.Proposal && DetectedFileTypes.FromContentType(file.ContentType) == DetectedFileType.Pdf;

    public static IEndpointRouteBuilder MapProposalViewer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/judging/entries/{submissionId:int}/files/{fileId:int}/view", async (int submissionId, int fileId, HttpContext http,
                EntryReaders readers, JudgeAccess access, IFileStore store, StoredFileAlarm alarm, IAuditLog audit, CancellationToken cancellationToken) =>
            {
                var reader = await readers.FindAsync(http.User, submissionId, cancellationToken);
                if (reader is null) return Results.NotFound();
                var version = await access.CurrentVersionAsync(reader.Submission, cancellationToken);
                var file = version?.Files.FirstOrDefault(f => f.Id == fileId);
                if (file is null) return Results.NotFound();
                var read = await store.OpenVerifiedAsync(file.StorageKey, cancellationToken);
                if (read.Tampered) await alarm.RaiseAsync(file.StorageKey, $"submission file {fileId} (judging, inline)", cancellationToken);
                if (read.Content is not { } content) return read.Tampered ? Results.StatusCode(StatusCodes.Status409Conflict) : Results.NotFound();
                var inline = Offers(file) && content.CanSeek && await ContentSniffer.SniffAsync(content, cancellationToken) == DetectedFileType.Pdf;
                await audit.AppendAsync(new AuditEvent("judging.file-opened", $"submission:{submissionId}/file:{fileId}", "ok",
                    $"{file.FileName}; {(inline ? "inline" : "attachment")}; {(reader.AsOrganizer ? "organizer" : "judge")}") { TeamId = reader.Submission.TeamId }, cancellationToken);
                var headers = http.Response.Headers;
                headers[HeaderNames.CacheControl] = "private, no-store";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.ContentSecurityPolicy] = SandboxPolicy;
                if (!inline) return Results.File(content, "application/octet-stream", FileKinds.DownloadName(file));
                headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = FileKinds.DownloadName(file) }.ToString();
                return Results.File(content, "application/pdf", enableRangeProcessing: true);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return endpoints;
    }
}
