using ContestSite.Core.Catalog;
using ContestSite.Data;
using ContestSite.Web.Audit;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ContestSite.Web.Catalog;

/// <summary>
/// Serves a file of an open (无条件开放) dataset to a signed-in person. Restricted files wait for an
/// approved application; prohibited data is never served, to anybody, organizers included.
/// </summary>
public static class CatalogDownloads
{
    public static IEndpointRouteBuilder MapCatalogDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/datasets/{id:guid}/files/{resourceId:int}", async (Guid id, int resourceId, HttpContext http, ContestDbContext db,
                IFileStore files, IAuditLog audit, CancellationToken cancellationToken) =>
            {
                var found = await db.DatasetResources.AsNoTracking()
                    .Where(r => r.Id == resourceId && r.DatasetId == id)
                    .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new { Resource = r, d.OpenType, d.Status })
                    .SingleOrDefaultAsync(cancellationToken);
                if (found is null || found.Status != DatasetStatus.Published) return Results.NotFound();
                var subject = $"dataset:{id}/file:{resourceId}";
                if (found.OpenType != OpenType.Unconditional)
                {
                    await audit.AppendAsync(new AuditEvent("catalog.download", subject, "refused", found.OpenType.ToString()), cancellationToken);
                    return found.OpenType == OpenType.Prohibited ? Results.NotFound() : Results.Redirect($"/datasets/{id}");
                }
                if (!files.Exists(found.Resource.StorageKey)) return Results.NotFound();
                await db.Datasets.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.DownloadCount, d => d.DownloadCount + 1), cancellationToken);
                await audit.AppendAsync(new AuditEvent("catalog.download", subject, "ok", found.Resource.FileName), cancellationToken);
                http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
                return Results.File(files.OpenRead(found.Resource.StorageKey), "application/octet-stream", found.Resource.FileName, enableRangeProcessing: true);
            })
            .RequirePermission(CatalogPermissions.DownloadOpenData)
            .WithName("DownloadDatasetFile")
            .ExcludeFromDescription();
        return endpoints;
    }
}
