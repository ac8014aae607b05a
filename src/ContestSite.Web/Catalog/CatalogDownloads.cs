using ContestSite.Web.Bundles.Serving;
using ContestSite.Web.Security;

namespace ContestSite.Web.Catalog;

/// <summary>
/// The address of a catalogue file. Who gets it is decided by the bundles feature's
/// <see cref="FileDownload"/>: open files to anyone signed in, restricted files to approved teams
/// (masked), prohibited data to nobody, organizers included.
/// </summary>
public static class CatalogDownloads
{
    public static IEndpointRouteBuilder MapCatalogDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/datasets/{id:guid}/files/{resourceId:int}", (Guid id, int resourceId, HttpContext http, FileDownload download,
                CancellationToken cancellationToken) => download.ServeAsync(http, id, resourceId, cancellationToken))
            .RequirePermission(CatalogPermissions.DownloadOpenData)
            .WithName("DownloadDatasetFile")
            .ExcludeFromDescription();
        return endpoints;
    }
}
