using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements.UseCases;

/// <summary>An organizer pins, unpins, unpublishes or deletes an announcement; each is audited and evicts cached pages.</summary>
public sealed class ChangePublication(ContestDbContext db, AnnouncementSchedule schedule, IAuditLog audit, TimeProvider clock)
{
    public Task<AnnouncementResult> PinAsync(int id, bool pinned) =>
        ChangeAsync(id, pinned ? "announcement.pinned" : "announcement.unpinned", a => a.Pinned = pinned);

    /// <summary>Back to a draft: hidden from the public at once; mail already sent stays sent.</summary>
    public Task<AnnouncementResult> UnpublishAsync(int id) =>
        ChangeAsync(id, "announcement.unpublished", a => a.PublishAt = null);

    public async Task<AnnouncementResult> DeleteAsync(int id)
    {
        var announcement = await db.Announcements.SingleOrDefaultAsync(a => a.Id == id);
        if (announcement is null) return AnnouncementResult.Refuse("公告不存在或已被删除");
        db.Announcements.Remove(announcement);
        await audit.AppendAsync(() => new AuditEvent("announcement.deleted", $"announcement:{id}", "ok", announcement.Title));
        await schedule.ChangedAsync();
        return new AnnouncementResult(id, []);
    }

    private async Task<AnnouncementResult> ChangeAsync(int id, string action, Action<Core.Announcements.Announcement> change)
    {
        var announcement = await db.Announcements.SingleOrDefaultAsync(a => a.Id == id);
        if (announcement is null) return AnnouncementResult.Refuse("公告不存在或已被删除");
        change(announcement);
        announcement.UpdatedAt = clock.GetUtcNow();
        announcement.Version++;
        try
        {
            await audit.AppendAsync(new AuditEvent(action, $"announcement:{id}", "ok", announcement.Title));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AnnouncementResult.Refuse("公告刚被其他人修改，请刷新页面后重试");
        }
        await schedule.ChangedAsync();
        return new AnnouncementResult(id, []);
    }
}
