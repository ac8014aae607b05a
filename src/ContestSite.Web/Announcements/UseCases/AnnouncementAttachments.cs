using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Files;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Announcements.UseCases;

/// <summary>
/// Files published with an announcement. The type is decided from the bytes (PDF, images, ZIP — which
/// includes Word and Excel files), never from the name or the browser's Content-Type. A zip passes the
/// same inspection as a team's source package before anyone can download it from the public page.
/// </summary>
public sealed class AnnouncementAttachments(ContestDbContext db, IFileStore files, AnnouncementSchedule schedule, IAuditLog audit,
    TimeProvider clock, IOptions<AnnouncementOptions> options, ZipInspector zips)
{
    public const int MaxPerAnnouncement = 10;
    private static readonly DetectedFileType[] Allowed = [DetectedFileType.Pdf, DetectedFileType.Png, DetectedFileType.Jpeg, DetectedFileType.Zip];

    public async Task<AnnouncementResult> AddAsync(int announcementId, IFormFile? upload, CancellationToken cancellationToken = default)
    {
        if (upload is null || upload.Length == 0) return AnnouncementResult.Refuse("请选择要上传的附件");
        var max = options.Value.MaxAttachmentBytes;
        if (upload.Length > max) return AnnouncementResult.Refuse("附件不能超过 {0}", FileSizes.Display(max));
        if (!await db.Announcements.AnyAsync(a => a.Id == announcementId, cancellationToken)) return AnnouncementResult.Refuse("公告不存在或已被删除");
        if (await db.AnnouncementAttachments.CountAsync(f => f.AnnouncementId == announcementId, cancellationToken) >= MaxPerAnnouncement)
            return AnnouncementResult.Refuse("每条公告最多 10 个附件");
        await using var content = upload.OpenReadStream();
        var type = await ContentSniffer.SniffAsync(content, cancellationToken);
        if (!Allowed.Contains(type)) return AnnouncementResult.Refuse("附件只能是 PDF、PNG、JPEG 或 ZIP（含 Word、Excel）文件，这个文件是{0}", type.DisplayName());
        if (type == DetectedFileType.Zip)
        {
            var inspection = zips.Inspect(content, cancellationToken);
            if (inspection.Reason is { Message: { } refusal } reason) return AnnouncementResult.Refuse(refusal, reason.Arguments);
            content.Position = 0;
        }
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(content, max, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return AnnouncementResult.Refuse("附件不能超过 {0}", FileSizes.Display(max));
        }
        var name = FileNames.Clean(upload.FileName);
        db.AnnouncementAttachments.Add(new AnnouncementAttachment
        {
            AnnouncementId = announcementId, FileName = name, ContentType = type.ContentType()!, SizeBytes = stored.Size,
            StorageKey = stored.Key, UploadedAt = clock.GetUtcNow(),
        });
        await audit.AppendAsync(() => new AuditEvent("announcement.attachment.added", $"announcement:{announcementId}", "ok", name), cancellationToken);
        await schedule.ChangedAsync(cancellationToken);
        return new AnnouncementResult(announcementId, []);
    }

    public async Task<AnnouncementResult> RemoveAsync(int announcementId, int attachmentId)
    {
        var attachment = await db.AnnouncementAttachments.SingleOrDefaultAsync(f => f.Id == attachmentId && f.AnnouncementId == announcementId);
        if (attachment is null) return AnnouncementResult.Refuse("附件不存在或已被删除");
        db.AnnouncementAttachments.Remove(attachment);
        await audit.AppendAsync(() => new AuditEvent("announcement.attachment.removed", $"announcement:{announcementId}", "ok", attachment.FileName));
        await schedule.ChangedAsync();
        return new AnnouncementResult(announcementId, []);
    }
}
