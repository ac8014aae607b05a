using ContestSite.Core.Gallery;
using ContestSite.Core.Rules;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery.UseCases;

/// <summary>
/// A signed-in visitor likes a published entry (people's choice, 人气奖) when the contest has likes open:
/// once per account; the count on the entry is raised in SQL in the like's transaction, so concurrent likes all count.
/// </summary>
public sealed class LikeGalleryEntry(ContestDbContext db, GalleryLikeLimiter limiter, GalleryCache cache, TimeProvider clock)
{
    public async Task<ChangeResult> RunAsync(int entryId, string userId, CancellationToken cancellationToken = default)
    {
        var entry = await db.GalleryEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.PublishedAt != null, cancellationToken);
        if (entry is null) return ChangeResult.Refuse("展示作品不存在");
        if (!await db.GallerySettings.AnyAsync(s => s.ContestId == entry.ContestId && s.LikesEnabled, cancellationToken))
            return ChangeResult.Refuse("本届赛事未开放人气投票");
        // People's choice counts other people's votes: a team does not vote for itself.
        if (await db.TeamMembers.AnyAsync(m => m.TeamId == entry.TeamId && m.UserId == userId, cancellationToken))
            return ChangeResult.Refuse("不能为自己团队的作品点赞");
        if (await db.GalleryLikes.AnyAsync(l => l.EntryId == entryId && l.UserId == userId, cancellationToken))
            return ChangeResult.Refuse("你已经为该作品点过赞");
        if (!limiter.TryAcquire(userId)) return ChangeResult.Refuse("点赞过于频繁，请稍后再试");
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.GalleryLikes.Add(new GalleryLike { EntryId = entryId, UserId = userId, LikedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            await db.GalleryEntries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.LikeCount, e => e.LikeCount + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests of the same account at once: the key refuses the second like and its count.
            db.ChangeTracker.Clear();
            return ChangeResult.Refuse("你已经为该作品点过赞");
        }
        await cache.PagesChangedAsync(cancellationToken);
        return ChangeResult.Done(entryId);
    }
}

/// <summary>What one signed-in visitor has to do with entries: which they liked, and which are their own team's (they cannot like those).</summary>
public sealed class GalleryLikesOfVisitor(ContestDbContext db)
{
    public async Task<IReadOnlySet<int>> LikedAsync(string? userId, IReadOnlyCollection<int> entryIds, CancellationToken cancellationToken = default) =>
        userId is null ? new HashSet<int>()
            : (await db.GalleryLikes.AsNoTracking().Where(l => l.UserId == userId && entryIds.Contains(l.EntryId)).Select(l => l.EntryId).ToListAsync(cancellationToken)).ToHashSet();

    public Task<bool> IsOwnTeamsAsync(string? userId, int entryId, CancellationToken cancellationToken = default) =>
        userId is null ? Task.FromResult(false)
            : db.GalleryEntries.AnyAsync(e => e.Id == entryId && db.TeamMembers.Any(m => m.TeamId == e.TeamId && m.UserId == userId), cancellationToken);
}

/// <summary>An organizer opens or closes people's choice likes for a contest.</summary>
public sealed class SwitchGalleryLikes(ContestDbContext db, Audit.IAuditLog audit, GalleryCache cache)
{
    public async Task RunAsync(int contestId, bool enabled, CancellationToken cancellationToken = default)
    {
        var settings = await db.GallerySettings.SingleOrDefaultAsync(s => s.ContestId == contestId, cancellationToken);
        if (settings is null) db.GallerySettings.Add(settings = new GallerySettings { ContestId = contestId });
        settings.LikesEnabled = enabled;
        await audit.AppendAsync(() => new Audit.AuditEvent(enabled ? "gallery.likes.opened" : "gallery.likes.closed", $"contest:{contestId}", "ok", ""),
            CancellationToken.None); // the change is saved: its record is written even if the request is abandoned
        await cache.PagesChangedAsync(cancellationToken);
    }
}
