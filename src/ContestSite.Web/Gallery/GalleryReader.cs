using ContestSite.Core.Gallery;
using ContestSite.Data;
using ContestSite.Search.Gallery;
using ContestSite.Web.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Gallery;

public sealed record GalleryCard(int Id, string Title, string TeamName, int TrackId, string TrackName, string? AwardName,
    string? AwardLevel, int Year, string? Domain, int LikeCount, GalleryImage? Image);

/// <summary>A screenshot as the gallery shows it: re-encoded thumbnails only, one URL per allowed width that exists; <paramref name="Large"/> is the widest.</summary>
public sealed record GalleryImage(string Src, string SrcSet, string Alt, string Large);

public sealed record GalleryPage(int Total, int Page, int PageSize, IReadOnlyList<GalleryCard> Items);

/// <summary>
/// The public reading of the gallery: published entries only, filtered and paged. The search runs in the
/// gallery's Lucene index (best matches first when words are given, else the newest published); the
/// cards of the page are then read from the database, so an entry withdrawn a moment ago is never shown.
/// </summary>
public sealed class GalleryReader(ContestDbContext db, GalleryIndex index, IOptions<FileLimitsOptions> files)
{
    public int[] Widths { get; } = [.. files.Value.Thumbnails.Widths.Order()];

    public async Task<GalleryPage> SearchAsync(GalleryQuery query, CancellationToken cancellationToken = default)
    {
        var found = index.Searcher.Search(new GallerySearchQuery(query.Text, query.Year, query.TrackId, query.Award?.ToString(), query.Domain,
            query.Page, query.PageSize));
        var ids = found.Ids;
        var entries = await Published().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var page = ids.Where(entries.ContainsKey).Select(id => entries[id]).ToList();
        return new GalleryPage(found.Total, query.Page, query.PageSize, await CardsAsync(page, cancellationToken));
    }

    public IQueryable<GalleryEntry> Published() => db.GalleryEntries.AsNoTracking().Where(e => e.PublishedAt != null);

    public async Task<IReadOnlyList<GalleryCard>> CardsAsync(IReadOnlyList<GalleryEntry> entries, CancellationToken cancellationToken = default)
    {
        var trackIds = entries.Select(e => e.TrackId).Distinct().ToList();
        var tracks = await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var cards = new List<GalleryCard>();
        foreach (var e in entries)
        {
            var images = await ImagesAsync(e, 1, cancellationToken);
            cards.Add(new GalleryCard(e.Id, e.ShowcaseTitle, e.TeamDisplayName, e.TrackId, tracks.GetValueOrDefault(e.TrackId, ""), e.AwardName,
                e.AwardLevel?.ToString(), e.Year, e.Domain, e.LikeCount, images.FirstOrDefault()));
        }
        return cards;
    }

    /// <summary>The shown version's screenshots that have thumbnails, in their order.</summary>
    public async Task<IReadOnlyList<GalleryImage>> ImagesAsync(GalleryEntry entry, int max, CancellationToken cancellationToken = default)
    {
        var screenshots = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == entry.SubmissionId && v.Number == entry.VersionNumber)
            .SelectMany(v => v.Files).Where(f => f.Kind == Core.Submissions.SubmissionFileKind.Screenshot)
            .OrderBy(f => f.SortOrder).Take(max).Select(f => new { f.Id, f.StorageKey }).ToListAsync(cancellationToken);
        var keys = screenshots.Select(s => s.StorageKey).ToList();
        var made = await db.SubmissionThumbnails.AsNoTracking().Where(t => keys.Contains(t.SourceKey)).Select(t => new { t.SourceKey, t.SlotWidth }).ToListAsync(cancellationToken);
        var images = new List<GalleryImage>();
        foreach (var (shot, index) in screenshots.Select((s, i) => (s, i)))
        {
            var widths = made.Where(t => t.SourceKey == shot.StorageKey && Widths.Contains(t.SlotWidth)).Select(t => t.SlotWidth).Order().ToList();
            if (widths.Count == 0) continue;
            string Url(int w) => $"/gallery/{entry.Id}/images/{shot.Id}/{w}";
            images.Add(new GalleryImage(Url(widths[0]), string.Join(", ", widths.Select(w => $"{Url(w)} {w}w")), $"{entry.ShowcaseTitle} ({index + 1})",
                Url(widths[^1])));
        }
        return images;
    }
}
