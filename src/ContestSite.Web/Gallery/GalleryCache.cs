using ContestSite.Web.Home;
using Microsoft.AspNetCore.OutputCaching;

namespace ContestSite.Web.Gallery;

/// <summary>Drops every cached page that shows gallery entries (the gallery, entry pages, the home page's featured list).</summary>
public sealed class GalleryCache(IOutputCacheStore cache)
{
    public const string Tag = "gallery";

    public async Task ChangedAsync(CancellationToken cancellationToken = default)
    {
        await cache.EvictByTagAsync(Tag, cancellationToken);
        await cache.EvictByTagAsync(HomeFeature.CacheTag, cancellationToken);
    }
}
