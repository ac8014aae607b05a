using ContestSite.Core.Submissions;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using ContestSite.Web.Submissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Gallery;

/// <summary>The gallery's images and JSON API. Only re-encoded thumbnails of a published entry's shown screenshots ever leave the site.</summary>
public static class GalleryEndpoints
{
    public static IEndpointRouteBuilder MapGalleryImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/gallery/{entryId:int}/images/{fileId:int}/{width:int}", async (int entryId, int fileId, int width, HttpContext http,
            ContestDbContext db, GalleryReader reader, SubmissionThumbnails thumbnails, StoredFileDownloads downloads) =>
        {
            if (!reader.Widths.Contains(width)) return Results.NotFound();
            var entry = await reader.Published().SingleOrDefaultAsync(e => e.Id == entryId);
            if (entry is null) return Results.NotFound();
            var sourceKey = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == entry.SubmissionId && v.Number == entry.VersionNumber)
                .SelectMany(v => v.Files).Where(f => f.Id == fileId && f.Kind == SubmissionFileKind.Screenshot).Select(f => f.StorageKey).SingleOrDefaultAsync();
            if (sourceKey is null) return Results.NotFound();
            var thumbnail = await thumbnails.FindAsync(sourceKey, width);
            if (thumbnail is null) return Results.NotFound();
            // Public but not immutable: unpublishing must take an image down within the hour.
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return await downloads.FileAsync(thumbnail.StorageKey, thumbnail.ContentType, null, $"gallery image {entryId}/{fileId}", http.RequestAborted);
        }).RequirePermission(GalleryPermissions.ViewGallery).ExcludeFromDescription()
            // A gallery page asks for up to 24 of them: cached like the pages, and dropped with them when an entry changes.
            .CacheOutput(policy => policy.AddPolicy<PublicPagePolicy>().Tag(GalleryCache.Tag), excludeDefaultPolicy: true);
        return endpoints;
    }

    public static IEndpointRouteBuilder MapGalleryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/gallery").WithTags("Gallery").RequirePermission(GalleryPermissions.ViewGallery);

        api.MapGet("/", async (HttpRequest request, GalleryReader reader, CancellationToken cancellationToken) =>
                TypedResults.Ok(await reader.SearchAsync(GalleryQuery.From(request.Query), cancellationToken)))
            .WithName("SearchGallery")
            .WithSummary("Searches the published gallery entries")
            .WithDescription("q: words; year, track (track id), award (First|Second|Third|Excellence|Special), domain: filters; page from 1; pageSize 1–100 (larger is capped). Malformed values are ignored.");

        api.MapGet("/{id:int}", async Task<Results<Ok<GalleryEntryRecord>, NotFound>> (int id, GalleryEntryDetails details, CancellationToken cancellationToken) =>
                await details.FindAsync(id, cancellationToken) is { } record ? TypedResults.Ok(record) : TypedResults.NotFound())
            .WithName("GetGalleryEntry")
            .WithSummary("One published gallery entry: showcase text, team as agreed, award, screenshots (thumbnails), video link, datasets used");
        return endpoints;
    }
}
