using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements.UseCases;

/// <summary>
/// An organizer creates or edits an announcement and decides when it goes out: kept as a draft, published
/// now, or scheduled. Publishing now mails the audience at once; a scheduled one is mailed by the job.
/// </summary>
public sealed class SaveAnnouncement(ContestDbContext db, AnnouncementSchedule schedule, AnnouncementMailer mailer, IAuditLog audit, TimeProvider clock)
{
    public async Task<AnnouncementResult> RunAsync(int? id, AnnouncementInput input, string? authorId)
    {
        var now = clock.GetUtcNow();
        var announcement = id is { } existing ? await db.Announcements.SingleOrDefaultAsync(a => a.Id == existing) : null;
        if (id is not null && announcement is null) return AnnouncementResult.Refuse("公告不存在或已被删除");
        if (announcement is not null && announcement.Version != input.Version)
            return AnnouncementResult.Refuse("公告刚被其他人修改，请刷新页面后重试");
        var publishAt = DecidePublishAt(input, announcement, now, out var timeError);
        if (timeError is not null) return AnnouncementResult.Refuse(timeError);
        if (announcement is not null && AnnouncementRules.RefusalToChangeAudience(announcement, input.Audience, input.AudienceTrackId) is { } refusal)
            return AnnouncementResult.Refuse(refusal);
        if (input.Audience == AnnouncementAudience.Track && input.AudienceTrackId is { } trackId && !await db.Tracks.AnyAsync(t => t.Id == trackId))
            return AnnouncementResult.Refuse("请选择要通知的赛道");

        var target = announcement ?? new Announcement { Title = "", BodyMarkdown = "", Category = "", CreatedAt = now, AuthorId = authorId };
        target.Title = (input.Title ?? "").Trim();
        target.BodyMarkdown = (input.Body ?? "").Replace("\r\n", "\n");
        target.Category = input.Category ?? "";
        target.Pinned = input.Pinned;
        target.Audience = input.Audience;
        target.AudienceTrackId = input.Audience == AnnouncementAudience.Track ? input.AudienceTrackId : null;
        target.PublishAt = publishAt;
        var errors = AnnouncementRules.Validate(target);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new AnnouncementResult(0, errors);
        }
        target.UpdatedAt = now;
        target.Version++;
        if (announcement is null) db.Announcements.Add(target);
        var action = announcement is null ? "announcement.created" : "announcement.edited";
        try
        {
            await audit.AppendAsync(() => new AuditEvent(action, $"announcement:{target.Id}", "ok", $"{State(target, now)}; {target.Title}"));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AnnouncementResult.Refuse("公告刚被其他人修改，请刷新页面后重试");
        }
        await AfterChangeAsync(target);
        return new AnnouncementResult(target.Id, []);
    }

    private static string State(Announcement saved, DateTimeOffset now) =>
        saved.PublishAt is null ? "draft" : saved.IsScheduled(now) ? $"scheduled {saved.PublishAt:o}" : "published";

    private async Task AfterChangeAsync(Announcement saved)
    {
        var now = clock.GetUtcNow();
        await schedule.ChangedAsync();
        if (saved.IsEmailDue(now)) await mailer.SendAsync(saved.Id);
    }

    private static DateTimeOffset? DecidePublishAt(AnnouncementInput input, Announcement? saved, DateTimeOffset now, out string? error)
    {
        error = null;
        switch (input.Mode)
        {
            case PublishMode.Draft:
                return null;
            case PublishMode.Now:
                // An announcement already out keeps its publish time: editing a typo does not make it "new".
                return saved?.IsVisible(now) == true ? saved.PublishAt : now;
            case PublishMode.Schedule:
                if (!ContestTime.TryParseInput(input.PublishAt, out var at)) { error = ContestTime.InputProblem(input.PublishAt) ?? "请填写定时发布的时间"; return null; }
                if (at <= now) { error = "定时发布的时间须晚于现在；要马上发布请选择“立即发布”"; return null; }
                return at;
            default:
                error = "请选择发布方式";
                return null;
        }
    }
}
