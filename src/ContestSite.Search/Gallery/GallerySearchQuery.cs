namespace ContestSite.Search.Gallery;

/// <summary>A gallery search: words, exact filters (null when not filtered) and a page.</summary>
/// <param name="Award">An award level's name (First, Second…).</param>
public sealed record GallerySearchQuery(string? Text, int? Year, int? TrackId, string? Award, string? Domain, int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int EffectivePage => Math.Max(1, Page);

    public int EffectivePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>The matching entries' total and the ids of the asked page, in order.</summary>
public sealed record GallerySearchResult(int Total, IReadOnlyList<int> Ids);
