namespace ContestSite.Search.Gallery;

/// <summary>The database side of <see cref="GalleryIndexFollower"/>; the web layer implements it over EF Core.</summary>
public interface IGalleryEntrySource
{
    /// <summary>Up to <paramref name="max"/> published entries with Id &gt; <paramref name="afterId"/>, by Id ascending.</summary>
    Task<IReadOnlyList<GalleryStamp>> ReadPublishedStampsAsync(int afterId, int max, CancellationToken cancellationToken);

    /// <summary>The entries among these ids that are still published, with what is indexed of them; missing ids are no longer public.</summary>
    Task<IReadOnlyList<GalleryDocument>> LoadPublishedAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken);
}
