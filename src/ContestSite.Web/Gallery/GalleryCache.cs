using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;

namespace ContestSite.Web.Gallery;

/// <summary>
/// Called after every change of the gallery: brings this node's gallery index up to date, then drops every
/// cached page that shows gallery entries (the gallery, entry pages, the home page's featured list). In that
/// order, so a page cached right after the eviction is searched in an index that already has the change.
/// Other nodes' indexes follow within a second (GalleryIndexingOptions.FollowInterval), and their cached pages live at most a minute.
/// </summary>
public sealed class GalleryCache(IOutputCacheStore cache, GalleryIndexService index)
{
    public const string Tag = "gallery";

    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        await index.CatchUpAsync(cancellationToken);
        await PagesChangedAsync(cancellationToken);
    }

    /// <summary>
    /// For changes the index does not hold (like counts, whether likes are open): only the cached pages are
    /// dropped, without a pass over every published entry's stamp.
    /// </summary>
    public async Task PagesChangedAsync(CancellationToken cancellationToken = default)
    {
        await cache.EvictByTagAsync(Tag, cancellationToken);
        await cache.EvictByTagAsync(PublicCacheTags.Home, cancellationToken);
    }
}
