using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Email;
using ContestSite.Web.Hosting;
using Markdig;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

/// <summary>
/// Emails an announcement's audience once it is visible: one outbox message per person (so one bad address
/// fails alone and is retried alone), queued in the same transaction that marks the announcement as mailed.
/// The mark is claimed with a conditional update, so two nodes (or a restart mid-way) never mail twice.
/// </summary>
public sealed class AnnouncementMailer(ContestDbContext db, AnnouncementRecipients recipients, EmailOutbox outbox, EmailTemplates templates,
    IAuditLog audit, TimeProvider clock, PublicUrls urls, ILogger<AnnouncementMailer> logger)
{
    private const int ExcerptLength = 1000;

    /// <summary>Mails every announcement that is due; returns how many were mailed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Announcements.AsNoTracking().EmailDueAt(now).OrderBy(a => a.PublishAt).Select(a => a.Id).Take(20).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendAsync(id, cancellationToken)) sent++;
        }
        return sent;
    }

    public async Task<bool> SendAsync(int announcementId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Announcements.Where(a => a.Id == announcementId).EmailDueAt(now)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailQueuedAt, now), cancellationToken);
        if (claimed == 0) return false;
        var announcement = await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == announcementId, cancellationToken);
        var people = await recipients.ForAsync(announcement, cancellationToken);
        var link = urls.Page("/Announcements/Details", new { id = announcement.Id });
        var excerpt = Excerpt(announcement.BodyMarkdown);
        foreach (var person in people)
        {
            outbox.Enqueue(templates.Build(person.Culture, person.Email, person.Name, "【{0}】{1}",
                [("浙江省数据开放创新应用大赛组委会发布了新公告：{0}", [announcement.Title]), ("{0}", [excerpt])],
                ("查看公告", link), announcement.Category, announcement.Title));
        }
        await db.Announcements.Where(a => a.Id == announcementId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmailRecipientCount, people.Count), cancellationToken);
        await audit.AppendAsync(new AuditEvent("announcement.emailed", $"announcement:{announcementId}", "ok",
            $"{announcement.Audience} {people.Count}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Announcement {Id} queued for {Count} recipients", announcementId, people.Count);
        return true;
    }

    /// <summary>Plain text, so no markup reaches the mail; the templates encode it again for the HTML part.</summary>
    private static string Excerpt(string markdown)
    {
        var text = Markdown.ToPlainText(markdown).Trim();
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";
    }
}
