using ContestSite.Data;
using ContestSite.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery.UseCases;

/// <summary>
/// Publishes every entry awarded in a round (published awards only) together with its award; an awarded
/// entry whose team's consent is not recorded is skipped and named, never published.
/// </summary>
public sealed class PublishAwardedEntries(ContestDbContext db, IAuditLog audit, GalleryCache cache, TimeProvider clock)
{
    public async Task<AwardedPublication> RunAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var awardedSubmissions = await db.Awards.AsNoTracking().Where(a => a.RoundId == roundId && a.PublishedAt != null)
            .Select(a => new { a.SubmissionId, a.TeamId }).Distinct().ToListAsync(cancellationToken);
        var ids = awardedSubmissions.Select(a => a.SubmissionId).ToList();
        var entries = await db.GalleryEntries.Where(e => ids.Contains(e.SubmissionId)).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var entry in entries)
        {
            PublishToGallery.CopyAward(entry, await PublishToGallery.BestPublishedAwardAsync(db, entry.SubmissionId, cancellationToken));
            entry.PublishedAt ??= now;
            entry.UpdatedAt = now;
            entry.Version++;
            published++;
        }
        var withEntry = entries.Select(e => e.SubmissionId).ToHashSet();
        var skippedTeamIds = awardedSubmissions.Where(a => !withEntry.Contains(a.SubmissionId)).Select(a => a.TeamId).Distinct().ToList();
        var skipped = await db.Teams.AsNoTracking().Where(t => skippedTeamIds.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("gallery.awarded.published", $"round:{roundId}", "ok",
            $"{published} published; skipped without consent: {string.Join(", ", skipped)}"), cancellationToken);
        await cache.ChangedAsync(cancellationToken);
        return new AwardedPublication(published, skipped);
    }
}
