using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Contests.UseCases;

/// <summary>Deletes a track that nothing uses yet; the database refuses one with teams or entries.</summary>
public sealed class DeleteTrack(ContestDbContext db, IAuditLog audit)
{
    /// <summary>Null when there is no such track.</summary>
    public async Task<ContestChange?> DeleteAsync(int trackId, CancellationToken cancellationToken = default)
    {
        var track = await db.Tracks.FindAsync([trackId], cancellationToken);
        if (track is null) return null;
        db.Tracks.Remove(track);
        try
        {
            await audit.AppendAsync(new AuditEvent("contest.track-deleted", $"track:{trackId}", "ok", track.Name), cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ContestChange.Refused("该赛道已有团队或作品，不能删除。");
        }
        return ContestChange.Done(trackId);
    }
}
