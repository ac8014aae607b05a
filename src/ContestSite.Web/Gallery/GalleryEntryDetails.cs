using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery;

public sealed record GalleryDataset(Guid Id, string Title, string Url);

/// <summary>What the entry page and <c>GET /api/gallery/{id}</c> show of a published entry; the description is Markdown.</summary>
public sealed record GalleryEntryRecord(int Id, string Title, string TeamName, IReadOnlyList<string> Members, int Year, int TrackId, string TrackName,
    string? Domain, string? AwardName, string? AwardLevel, string? Pitch, string DescriptionMarkdown, string? VideoUrl, string? DemoUrl,
    IReadOnlyList<GalleryImage> Screenshots, IReadOnlyList<GalleryDataset> Datasets, int LikeCount, bool LikesOpen, DateTimeOffset PublishedAt);

/// <summary>Reads one published entry with the shown version's public parts (never its files, only screenshot thumbnails).</summary>
public sealed class GalleryEntryDetails(ContestDbContext db, GalleryReader reader)
{
    private const int MaxScreenshots = 12;

    public async Task<GalleryEntryRecord?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var entry = await reader.Published().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null) return null;
        var version = await db.SubmissionVersions.AsNoTracking().Include(v => v.Datasets)
            .SingleAsync(v => v.SubmissionId == entry.SubmissionId && v.Number == entry.VersionNumber, cancellationToken);
        var datasetIds = version.Datasets.Select(d => d.DatasetId).ToList();
        var datasets = await db.Datasets.AsNoTracking().Where(d => datasetIds.Contains(d.Id) && d.Status == DatasetStatus.Published)
            .OrderBy(d => d.Title).Select(d => new GalleryDataset(d.Id, d.Title, "/datasets/" + d.Id)).ToListAsync(cancellationToken);
        var track = await db.Tracks.AsNoTracking().Where(t => t.Id == entry.TrackId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var likesOpen = await db.GallerySettings.AnyAsync(s => s.ContestId == entry.ContestId && s.LikesEnabled, cancellationToken);
        return new GalleryEntryRecord(entry.Id, entry.ShowcaseTitle, entry.TeamDisplayName, entry.MemberNames, entry.Year, entry.TrackId, track,
            entry.Domain, entry.AwardName, entry.AwardLevel?.ToString(), version.Pitch,
            string.IsNullOrWhiteSpace(entry.ShowcaseText) ? version.Description ?? "" : entry.ShowcaseText,
            WebLink(version.VideoUrl), WebLink(version.DemoUrl), await reader.ImagesAsync(entry, MaxScreenshots, cancellationToken),
            datasets, entry.LikeCount, likesOpen, entry.PublishedAt!.Value);
    }

    /// <summary>Only http(s) links are shown, whatever was stored.</summary>
    private static string? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
}

/// <summary>The home page's featured list: the newest published entries, awarded ones first.</summary>
public sealed class FeaturedGalleryEntries(GalleryReader reader, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers) : Home.IFeaturedEntrySource
{
    public async Task<IReadOnlyList<Home.FeaturedEntry>> FeaturedAsync(int count, CancellationToken cancellationToken)
    {
        var entries = await reader.Published().OrderByDescending(e => e.AwardId != null).ThenByDescending(e => e.PublishedAt).ThenByDescending(e => e.Id)
            .Take(count).ToListAsync(cancellationToken);
        var cards = await reader.CardsAsync(entries, cancellationToken);
        var text = localizers.Create(typeof(FeaturedGalleryEntries));
        return cards.Select(c => new Home.FeaturedEntry(c.Title, c.TeamName, $"/gallery/{c.Id}", c.Image?.Src, c.AwardName is null ? null : text.Shown(c.AwardName))).ToList();
    }
}
