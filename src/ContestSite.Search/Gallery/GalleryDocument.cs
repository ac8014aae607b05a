using System.Globalization;

namespace ContestSite.Search.Gallery;

/// <summary>
/// What the index knows of one published gallery entry. <paramref name="Stamp"/> changes whenever the
/// entry does (see <see cref="StampOf"/>), so the follower sees which entries to index again.
/// </summary>
/// <param name="Text">Plain text of the showcase text (or of the shown version's description when there is none).</param>
/// <param name="Award">The award level's name (First, Second…), the value of the award filter.</param>
public sealed record GalleryDocument(int Id, string Stamp, string Title, string TeamName, string? Text, string? Domain, int Year,
    int TrackId, string? TrackName, string? Award, string? AwardName, DateTimeOffset PublishedAt)
{
    /// <summary>Every change of an entry bumps its version and sets its update time; either differing means the index is behind.</summary>
    public static string StampOf(int version, DateTimeOffset updatedAt) =>
        version.ToString(CultureInfo.InvariantCulture) + ":" + updatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A published entry's id and stamp: all the follower reads of the entries it already has.</summary>
public readonly record struct GalleryStamp(int Id, string Stamp);
