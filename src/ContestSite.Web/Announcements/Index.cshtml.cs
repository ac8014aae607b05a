using ContestSite.Core.Announcements;
using ContestSite.Data;
using ContestSite.Web.Hosting;
using ContestSite.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Announcements;

[RequirePermission(AnnouncementPermissions.ViewAnnouncements)]
[OutputCache(PolicyName = PublicOutputCache.Policy, Tags = [PublicCacheTags.Announcements])]
public sealed class AnnouncementsIndexModel(ContestDbContext db, TimeProvider clock) : PageModel
{
    private const int PageSize = 20;

    public int PageNumber { get; private set; } = 1;
    /// <summary>One of <see cref="AnnouncementCategories.All"/>, or empty for all; anything else lists all.</summary>
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    public IReadOnlyList<Announcement> Items { get; private set; } = [];
    public bool HasMore { get; private set; }

    // "page" is also Razor Pages' own route value (the page's path), so it is read from the query string only.
    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1)
    {
        PageNumber = Math.Clamp(page, 1, 10_000);
        if (!AnnouncementCategories.IsKnown(Category)) Category = null;
        var now = clock.GetUtcNow();
        var query = db.Announcements.AsNoTracking().VisibleAt(now);
        if (Category is not null) query = query.Where(a => a.Category == Category);
        var rows = await query.NewestPinnedFirst().Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Items = rows.Take(PageSize).ToList();
    }

    public string PageUrl(int page) => Category is null ? $"/announcements?page={page}" : $"/announcements?category={Uri.EscapeDataString(Category)}&page={page}";
}
