using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

[RequirePermission(AnnouncementPermissions.ViewAnnouncements)]
public sealed class AnnouncementsIndexModel(ContestDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Announcement> Items { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var now = clock.GetUtcNow();
        var page = await db.Announcements.AsNoTracking().VisibleAt(now).NewestPinnedFirst()
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = page.Count > PageSize;
        Items = page.Take(PageSize).ToList();
    }
}
