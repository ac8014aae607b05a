using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Storage;

/// <summary>
/// A stored file whose bytes no longer match its hash was asked for: every refusal is audited
/// (<c>storage.file-tampered</c>), and the people who read the audit log are mailed the first time in a day.
/// </summary>
public sealed class StoredFileAlarm(ContestDbContext db, EmailOutbox outbox, EmailTemplates templates, IAuditLog audit, PermissionRegistry registry,
    TimeProvider clock, ILogger<StoredFileAlarm> logger)
{
    public const string Action = "storage.file-tampered";

    public async Task RaiseAsync(string key, string servedAs, CancellationToken cancellationToken = default)
    {
        logger.LogError("Stored file {Key} ({ServedAs}) does not match its hash; download refused", key, servedAs);
        var subject = $"file:{key}";
        var since = clock.GetUtcNow().AddDays(-1);
        var mailedRecently = await db.AuditEntries.AnyAsync(e => e.Action == Action && e.Subject == subject && e.At > since, cancellationToken);
        if (!mailedRecently)
        {
            foreach (var person in await db.EnabledUsersWhoMayAsync(registry, AuditPermissions.ViewAuditLog, cancellationToken))
            {
                outbox.Enqueue(templates.Build(person.PreferredCulture, person.Email!, person.DisplayName, "存储文件校验失败：{0}",
                    [("存储中的文件 {0}（{1}）与其 SHA-256 校验值不一致，可能已被篡改或损坏。", [key, servedAs]),
                     ("该文件的下载已被拒绝。请核查服务器上的文件存储，并在审计日志中查看“{0}”记录。", [Action])],
                    null, servedAs));
            }
        }
        // The mails and the entry are one transaction: the next alarm of the day sees both or neither.
        await audit.AppendAsync(new AuditEvent(Action, subject, "refused", servedAs), cancellationToken);
    }
}
