using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using ContestSite.Web.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

public static class AnnouncementEndpoints
{
    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/announcements/feed.atom", AtomFeed.WriteAsync)
            .RequirePermission(AnnouncementPermissions.ViewAnnouncements)
            .CacheOutput(p => p.AddPolicy<PublicPagePolicy>().Tag(PublicCacheTags.Announcements))
            .WithName("AnnouncementsFeed").ExcludeFromDescription();
        endpoints.MapGet("/announcements/{id:int}/files/{fileId:int}", DownloadAsync)
            .RequirePermission(AnnouncementPermissions.ViewAnnouncements)
            .WithName("AnnouncementAttachment").ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// An attachment of a visible announcement (organizers also reach those not yet out), always as a
    /// download with its stored type: the browser never renders it in the site's origin.
    /// </summary>
    private static async Task<IResult> DownloadAsync(int id, int fileId, HttpContext http, ContestDbContext db, StoredFileDownloads downloads, TimeProvider clock,
        IAuthorizationService authorization)
    {
        var now = clock.GetUtcNow();
        var found = await db.AnnouncementAttachments.AsNoTracking().Where(f => f.Id == fileId && f.AnnouncementId == id)
            .Join(db.Announcements, f => f.AnnouncementId, a => a.Id, (f, a) => new { File = f, a.PublishAt }).SingleOrDefaultAsync();
        if (found is null) return Results.NotFound();
        if (found.PublishAt is not { } at || at > now)
        {
            var manage = await authorization.AuthorizeAsync(http.User, PermissionPolicies.Prefix + AnnouncementPermissions.ManageAnnouncements);
            if (!manage.Succeeded) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
        }
        return await downloads.FileAsync(found.File.StorageKey, found.File.ContentType, found.File.FileName, $"announcement {id} attachment {fileId}", http.RequestAborted);
    }
}
