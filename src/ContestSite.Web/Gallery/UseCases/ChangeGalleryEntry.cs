using ContestSite.Core.Gallery;
using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery.UseCases;

/// <summary>An organizer edits the showcase text, publishes or unpublishes an entry; each is audited and evicts cached pages.</summary>
public sealed class ChangeGalleryEntry(ContestDbContext db, IAuditLog audit, GalleryCache cache, TimeProvider clock)
{
    public Task<GalleryResult> EditAsync(int id, GalleryShowcaseInput input)
    {
        var problems = GalleryRules.ShowcaseProblems(input.Title, input.Text, input.TeamDisplayName, input.MemberDisplayNames);
        if (problems.Count > 0) return Task.FromResult(GalleryResult.Refuse([.. problems]));
        return ChangeAsync(id, "gallery.edited", input.Version, e =>
        {
            e.ShowcaseTitle = input.Title!.Trim();
            e.ShowcaseText = input.Text;
            e.TeamDisplayName = input.TeamDisplayName!.Trim();
            e.MemberDisplayNames = input.MemberDisplayNames?.Trim();
        });
    }

    public Task<GalleryResult> PublishAsync(int id) =>
        ChangeAsync(id, "gallery.published", null, e => e.PublishedAt ??= clock.GetUtcNow());

    public Task<GalleryResult> UnpublishAsync(int id) =>
        ChangeAsync(id, "gallery.unpublished", null, e => e.PublishedAt = null);

    private async Task<GalleryResult> ChangeAsync(int id, string action, int? readVersion, Action<GalleryEntry> change)
    {
        var entry = await db.GalleryEntries.SingleOrDefaultAsync(e => e.Id == id);
        if (entry is null) return GalleryResult.Refuse("展示作品不存在");
        if (readVersion is { } version && version != entry.Version) return GalleryResult.Refuse("该作品刚被其他人修改，请刷新页面后重试");
        change(entry);
        entry.UpdatedAt = clock.GetUtcNow();
        entry.Version++;
        try
        {
            await audit.AppendAsync(new AuditEvent(action, $"gallery:{id}", "ok", entry.ShowcaseTitle) { TeamId = entry.TeamId });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return GalleryResult.Refuse("该作品刚被其他人修改，请刷新页面后重试");
        }
        await cache.ChangedAsync();
        return new GalleryResult(id, []);
    }
}
